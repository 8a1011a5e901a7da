#include "publish/interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>

namespace leitbild {

namespace {

std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void on_interrupt(int signal) { g_signal.store(signal, std::memory_order_relaxed); }

}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocking wait returns early and the flag is seen
  for (int signal : {SIGINT, SIGTERM}) {
    // A signal the parent ignores (a background job's SIGINT) stays ignored, as shells expect.
    struct sigaction previous {};
    if (sigaction(signal, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) continue;
    sigaction(signal, &action, nullptr);
  }
}

int interrupt_signal() { return g_signal.load(std::memory_order_relaxed); }

void request_interrupt(int signal) { g_signal.store(signal, std::memory_order_relaxed); }

void clear_interrupt() { g_signal.store(0, std::memory_order_relaxed); }

void die_by_signal(int signal) {
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(signal, &action, nullptr);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal);
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
  raise(signal);
  _exit(128 + signal);  // only if the signal was ignored by the parent
}

}  // namespace leitbild
