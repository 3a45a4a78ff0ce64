/* flowdoc: guided mode and search. The pages work without this script. */
(function () {
  "use strict";

  function store(key, value) {
    try {
      if (value === undefined) return JSON.parse(localStorage.getItem(key) || "null");
      localStorage.setItem(key, JSON.stringify(value));
    } catch (e) { return null; }
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  /* Guided mode: one step at a time, progress kept per flow and procedure. */
  function Guide(container, flowId) {
    var steps = Array.prototype.slice.call(container.querySelectorAll(":scope > .steps > .step"));
    if (steps.length < 2) return;
    var key = "flowdoc:" + flowId + ":" + container.getAttribute("data-procedure");
    var state = store(key) || { current: 0, done: [], all: false };
    if (!Array.isArray(state.done)) state.done = [];
    var resumed = state.current > 0 || state.done.length > 0;

    var bar = el("div", { "class": "guide-bar", role: "group", "aria-label": "Guided mode" });
    var progress = el("p", { "class": "guide-progress", "aria-live": "polite" });
    progress.style.margin = "0";
    var toggle = el("button", { type: "button", "class": "guide-toggle" });
    var restart = el("button", { type: "button", "class": "guide-restart" }, "Start over");
    var meter = el("div", { "class": "guide-meter", "aria-hidden": "true" });
    var meterFill = el("span");
    meter.appendChild(meterFill);
    bar.appendChild(progress);
    bar.appendChild(restart);
    bar.appendChild(toggle);
    bar.appendChild(meter);
    container.insertBefore(bar, container.firstChild);

    var nav = el("div", { "class": "guide-nav" });
    var back = el("button", { type: "button", "class": "guide-back" }, "← Back");
    var next = el("button", { type: "button", "class": "guide-next primary" }, "Next →");
    nav.appendChild(back);
    nav.appendChild(next);

    steps.forEach(function (step, index) {
      var label = el("label", { "class": "step-done" });
      var box = el("input", { type: "checkbox", "class": "step-done-box" });
      box.checked = state.done.indexOf(index) >= 0;
      box.addEventListener("change", function () {
        var at = state.done.indexOf(index);
        if (box.checked && at < 0) state.done.push(index);
        if (!box.checked && at >= 0) state.done.splice(at, 1);
        state.done.sort(function (a, b) { return a - b; });
        save();
        render(false);
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" Mark step " + (index + 1) + " as done"));
      step.querySelector(".step-body").appendChild(label);
    });

    function save() { store(key, state); }

    function render(focus) {
      container.classList.toggle("is-guided", !state.all);
      steps.forEach(function (step, index) {
        step.classList.toggle("is-current", index === state.current);
        step.classList.toggle("is-done", state.done.indexOf(index) >= 0);
      });
      var current = steps[state.current];
      if (!state.all) current.querySelector(".step-body").appendChild(nav);
      else if (nav.parentNode) nav.parentNode.removeChild(nav);
      progress.textContent = state.all
        ? "All " + steps.length + " steps · " + state.done.length + " done"
        : "Step " + (state.current + 1) + " of " + steps.length + (state.done.length ? " · " + state.done.length + " done" : "");
      meterFill.style.width = (100 * state.done.length / steps.length) + "%";
      toggle.textContent = state.all ? "Guide me step by step" : "Show all steps";
      toggle.setAttribute("aria-pressed", state.all ? "true" : "false");
      back.disabled = state.current === 0;
      next.textContent = state.current === steps.length - 1 ? "Finish ✓" : "Next →";
      if (focus && !state.all) {
        var target = current.querySelector(".step-number");
        if (target) target.focus({ preventScroll: true });
        current.scrollIntoView({ block: "nearest" });
      }
    }

    function go(index) {
      if (index < 0 || index >= steps.length) return;
      state.current = index;
      save();
      render(true);
    }

    back.addEventListener("click", function () { go(state.current - 1); });
    next.addEventListener("click", function () {
      if (state.done.indexOf(state.current) < 0) { state.done.push(state.current); state.done.sort(function (a, b) { return a - b; }); }
      var box = steps[state.current].querySelector(".step-done-box");
      if (box) box.checked = true;
      if (state.current < steps.length - 1) go(state.current + 1); else { save(); render(false); }
    });
    toggle.addEventListener("click", function () { state.all = !state.all; save(); render(!state.all); });
    restart.addEventListener("click", function () {
      state = { current: 0, done: [], all: state.all };
      steps.forEach(function (step) { var box = step.querySelector(".step-done-box"); if (box) box.checked = false; });
      save();
      render(true);
    });
    container.addEventListener("keydown", function () {});

    this.handlesKeys = function () { return !state.all; };
    this.key = function (event) {
      if (event.key === "ArrowRight") go(state.current + 1);
      else if (event.key === "ArrowLeft") go(state.current - 1);
      else return false;
      return true;
    };
    this.showAnchor = function (id) {
      for (var index = 0; index < steps.length; index++) {
        if (steps[index].id === id) { go(index); return true; }
      }
      return false;
    };

    if (resumed && !state.all) {
      var note = el("span", { "class": "guide-resume" }, "Resumed where you left off.");
      bar.insertBefore(note, restart);
    }
    render(false);
  }

  function startGuides() {
    var article = document.querySelector("article.flow[data-flow]");
    if (!article) return;
    var flowId = article.getAttribute("data-flow");
    var guides = [];
    Array.prototype.forEach.call(article.querySelectorAll(".procedure[data-procedure]"), function (container) {
      var guide = new Guide(container, flowId);
      if (guide.key) guides.push(guide);
    });
    function showHash() {
      var id = decodeURIComponent(location.hash.slice(1));
      if (id) guides.some(function (guide) { return guide.showAnchor(id); });
    }
    showHash();
    window.addEventListener("hashchange", showHash);
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      var target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && target.type !== "checkbox")) return;
      var guide = guides.filter(function (g) { return g.handlesKeys(); })[0];
      if (guide && guide.key(event)) event.preventDefault();
    });
  }

  /* Search over window.FLOWDOC_SEARCH (assets/search-index.js). */
  function startSearch() {
    var input = document.getElementById("search-input");
    var results = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!input || !results || !status) return;
    var index = window.FLOWDOC_SEARCH || [];
    function norm(text) { return (text || "").toLowerCase(); }
    function search(query) {
      var words = norm(query).split(/\s+/).filter(Boolean);
      results.textContent = "";
      if (!words.length) { status.textContent = "Type a title, a step, a button or a field name."; return; }
      var hits = [];
      index.forEach(function (entry) {
        var fields = [["title", [entry.title], 8], ["button or tab", entry.targets, 4], ["field", entry.fields, 4],
          ["step", entry.steps, 2], ["summary", [entry.summary].concat(entry.facets), 1]];
        var score = 0, match = "";
        var ok = words.every(function (word) {
          var found = false;
          fields.forEach(function (field) {
            field[1].forEach(function (value) {
              if (norm(value).indexOf(word) >= 0) {
                score += field[2]; found = true;
                if (!match && field[0] !== "title") match = field[0] + ": " + value;
              }
            });
          });
          return found;
        });
        if (ok) hits.push({ entry: entry, score: score, match: match });
      });
      hits.sort(function (a, b) { return b.score - a.score || a.entry.title.localeCompare(b.entry.title); });
      status.textContent = hits.length + (hits.length === 1 ? " flow matches" : " flows match") + " “" + query + "”.";
      hits.slice(0, 50).forEach(function (hit) {
        var item = el("li", { "class": "card" });
        var link = el("a", { "class": "card-link", href: hit.entry.url }, hit.entry.title);
        item.appendChild(link);
        if (hit.entry.summary) item.appendChild(el("p", { "class": "card-summary" }, hit.entry.summary));
        if (hit.match) item.appendChild(el("p", { "class": "search-match" }, hit.match));
        results.appendChild(item);
      });
    }
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    search(input.value);
    input.addEventListener("input", function () { search(input.value); });
    input.form.addEventListener("submit", function (event) { event.preventDefault(); search(input.value); });
  }

  startGuides();
  startSearch();
})();
