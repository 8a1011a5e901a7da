#pragma once
// SIGINT and SIGTERM during a build: the handler only records the signal (nothing else is safe in
// a handler); the build notices it between jobs and between file writes, removes its staging
// folder and then ends by the same signal (docs/publishing.md).
namespace leitbild {

void install_interrupt_handlers();
// The signal that asked the build to stop, 0 when none did.
int interrupt_signal();
// For tests, and for the handler itself.
void request_interrupt(int signal);
void clear_interrupt();
// After cleaning up: ends the process by `signal` with the default action, as if never caught.
[[noreturn]] void die_by_signal(int signal);

}  // namespace leitbild
