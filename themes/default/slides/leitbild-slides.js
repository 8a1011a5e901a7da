/* leitbild slides: fits each slide's text into the 1280x720 slide, then starts reveal.js.
   Slides whose text still overflows at the smallest size are marked data-lb-overflow; the PDF
   handout job and the test suite read that mark (diagnostic LB0604). */
(function () {
  'use strict';
  var SLIDE_WIDTH = 1280, SLIDE_HEIGHT = 720;
  var MIN_SCALE = 0.6, STEP = 0.04;

  function overflows(body) {
    return body.scrollHeight > body.clientHeight + 1 || body.scrollWidth > body.clientWidth + 1;
  }

  function fit(section) {
    var body = section.querySelector('.lb-body');
    if (!body) return;
    // Measure with the slide laid out even if reveal.js has hidden it.
    var display = section.style.display;
    section.style.display = 'block';
    var scale = 1;
    body.style.fontSize = '';
    while (overflows(body) && scale - STEP >= MIN_SCALE - 1e-9) {
      scale -= STEP;
      body.style.fontSize = (scale * 100).toFixed(0) + '%';
    }
    if (scale < 1) section.setAttribute('data-lb-scale', scale.toFixed(2));
    if (overflows(body)) {
      section.setAttribute('data-lb-overflow', 'true');
      if (window.console) console.warn('leitbild: slide ' + section.getAttribute('data-lb-slide') + ' overflows');
    }
    section.style.display = display;
  }

  function fitAll() {
    var sections = document.querySelectorAll('.reveal .slides > section');
    for (var i = 0; i < sections.length; i++) fit(sections[i]);
  }

  // The html element's data-lb-ready tells a driving browser (the PDF handout job, the tests)
  // that the page is laid out: "slides" for the deck, "print" once reveal.js's print view is done.
  function markReady(state) { document.documentElement.setAttribute('data-lb-ready', state); }

  function start() {
    fitAll();
    if (!window.Reveal) { markReady('slides'); return; }  // the page stays readable as plain HTML
    var printing = /print-pdf/i.test(window.location.search);
    window.Reveal.on('pdf-ready', function () { markReady('print'); });
    window.Reveal.initialize({
      width: SLIDE_WIDTH,
      height: SLIDE_HEIGHT,
      margin: 0,
      minScale: 0.1,
      maxScale: 4,
      center: false,
      hash: true,
      controls: true,
      controlsLayout: 'edges',
      progress: true,
      slideNumber: false,
      transition: 'none',
      backgroundTransition: 'none',
      pdfMaxPagesPerSlide: 1,
      pdfSeparateFragments: false,
      showNotes: false,
      plugins: window.RevealNotes ? [window.RevealNotes] : []
    }).then(function () { if (!printing) markReady('slides'); });
  }

  // The theme uses installed fonts only, so the text can be measured right away.
  start();
})();
