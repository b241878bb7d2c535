// The InterFeedback report's script: the sample list and the transcripts. Every text from the
// run (answers, feedback, questions, ids, file names) reaches the page as a text node, never as
// markup; images are only the report's own content-addressed files.
"use strict";
(function () {
  var STATUS = {
    CORRECT_AT_ROUND_0: "right at round 0",
    CORRECTED: "corrected",
    NOT_CORRECTED: "not corrected",
    EXCLUDED: "outside the test set",
    ERROR: "error"
  };
  var IMAGE = /^images\/[0-9a-f]{64}\.(png|jpg|gif|webp)$/;
  var PAGE = 100;
  var SHOWN_TEXT = 100000;
  var state = {
    index: null, chunks: {}, waiting: {},
    filter: { benchmark: "", status: "", category: "", text: "", changed: false },
    sort: { key: "order", dir: 1 }, shown: PAGE
  };

  function passed(status) { return status === "CORRECT_AT_ROUND_0" || status === "CORRECTED"; }

  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function load(src, onerror) {
    var script = document.createElement("script");
    script.src = src;
    script.onerror = onerror;
    document.head.appendChild(script);
  }

  window.interfeedbackReport = {
    receive: function (name, data) {
      if (name === "index") { state.index = data; indexed(); }
      else if (name.indexOf("chunk/") === 0) {
        var n = Number(name.substring(6));
        state.chunks[n] = data;
        (state.waiting[n] || []).forEach(function (f) { f(data); });
        delete state.waiting[n];
      }
    }
  };

  function chunk(n, then) {
    if (state.chunks[n]) { then(state.chunks[n]); return; }
    if (state.waiting[n]) { state.waiting[n].push(then); return; }
    state.waiting[n] = [then];
    load("data/transcripts-" + String(n).padStart(5, "0") + ".js", function () {
      showTranscriptError("could not load the transcripts (data/transcripts-" + String(n).padStart(5, "0") + ".js)");
    });
  }

  function statusText(entry) {
    var text = STATUS[entry.s] || entry.s;
    return entry.s === "CORRECTED" && entry.k !== undefined ? text + " at round " + entry.k : text;
  }

  // ---- the sample list ----

  function indexed() {
    var list = document.getElementById("sample-list");
    list.textContent = "";
    var idx = state.index;
    if (idx.compared) state.sort = { key: "changed", dir: 1 };
    var categories = {};
    idx.samples.forEach(function (s, i) { s.i = i; categories[s.c] = true; });
    var controls = el("form", { "class": "filters", id: "filters" });
    controls.addEventListener("submit", function (e) { e.preventDefault(); });
    if (idx.benchmarks.length > 1) {
      controls.appendChild(select("benchmark", "benchmark", idx.benchmarks.map(function (b, i) { return [String(i), b]; })));
    }
    controls.appendChild(select("status", "status", Object.keys(STATUS).map(function (s) { return [s, STATUS[s]]; })));
    controls.appendChild(select("category", "category", Object.keys(categories).sort().map(function (c) { return [c, c]; })));
    var text = el("input", { type: "search", id: "filter-text", placeholder: "id, category, answer or question" });
    text.addEventListener("input", function () { state.filter.text = text.value.toLowerCase(); state.shown = PAGE; render(); });
    controls.appendChild(el("label", null, "text ", text));
    if (idx.compared) {
      var changed = el("input", { type: "checkbox", id: "filter-changed" });
      changed.addEventListener("change", function () { state.filter.changed = changed.checked; state.shown = PAGE; render(); });
      controls.appendChild(el("label", null, changed, " changed verdict only"));
    }
    list.appendChild(controls);
    list.appendChild(el("p", { id: "sample-count", "aria-live": "polite" }));
    list.appendChild(el("table", { "class": "samples", id: "sample-table" }));
    var more = el("button", { type: "button", id: "show-more" }, "Show more");
    more.addEventListener("click", function () { state.shown += PAGE; render(); });
    list.appendChild(more);
    render();
    route();
    // For bench/report.sh: when the list is on the page.
    if (window.performance && performance.mark) performance.mark("interfeedback-samples-listed");
  }

  function select(name, label, options) {
    var node = el("select", { id: "filter-" + name }, el("option", { value: "" }, "all"));
    options.forEach(function (o) { node.appendChild(el("option", { value: o[0] }, o[1])); });
    node.addEventListener("change", function () { state.filter[name] = node.value; state.shown = PAGE; render(); });
    return el("label", null, label + " ", node);
  }

  function matches(s) {
    var f = state.filter;
    if (f.benchmark !== "" && String(s.b) !== f.benchmark) return false;
    if (f.status !== "" && s.s !== f.status) return false;
    if (f.category !== "" && s.c !== f.category) return false;
    if (f.changed && !changedVerdict(s)) return false;
    if (f.text !== "") {
      var hay = (s.id + "\n" + s.c + "\n" + (s.x || "") + "\n" + (s.q || "")).toLowerCase();
      if (hay.indexOf(f.text) < 0) return false;
    }
    return true;
  }

  function changedVerdict(s) { return s.o !== undefined && passed(s.o) !== passed(s.s); }

  var KEYS = {
    order: function (s) { return s.i; },
    changed: function (s) { return changedVerdict(s) ? 0 : 1; },
    benchmark: function (s) { return state.index.benchmarks[s.b]; },
    id: function (s) { return s.id; },
    category: function (s) { return s.c; },
    status: function (s) { return statusText(s); },
    rounds: function (s) { return s.n; },
    answer: function (s) { return s.x || ""; },
    other: function (s) { return s.o || ""; }
  };

  function sorted(rows) {
    var key = KEYS[state.sort.key], dir = state.sort.dir;
    return rows.slice().sort(function (a, b) {
      var x = key(a), y = key(b);
      if (x < y) return -dir;
      if (x > y) return dir;
      return a.i - b.i;
    });
  }

  function render() {
    var idx = state.index;
    var rows = sorted(idx.samples.filter(matches));
    document.getElementById("sample-count").textContent =
        rows.length + " of " + idx.samples.length + " samples" + (rows.length > state.shown ? " (showing " + state.shown + ")" : "");
    var table = document.getElementById("sample-table");
    table.textContent = "";
    var columns = [["benchmark", "benchmark"], ["id", "sample"], ["category", "category"], ["status", "status"],
      ["rounds", "rounds"], ["answer", "last answer"]];
    if (idx.compared) columns.push(["other", "other run"]);
    columns.push([null, "question"]);
    var head = el("tr");
    columns.forEach(function (c) {
      if (!c[0]) { head.appendChild(el("th", null, c[1])); return; }
      var mark = state.sort.key === c[0] ? (state.sort.dir > 0 ? " ▲" : " ▼") : "";
      var button = el("button", { type: "button", "class": "sort", "data-sort": c[0] }, c[1] + mark);
      button.addEventListener("click", function () {
        state.sort = { key: c[0], dir: state.sort.key === c[0] ? -state.sort.dir : 1 };
        render();
      });
      head.appendChild(el("th", null, button));
    });
    table.appendChild(el("thead", null, head));
    var body = el("tbody");
    rows.slice(0, state.shown).forEach(function (s) {
      var benchmark = idx.benchmarks[s.b];
      var link = el("a", { href: "#sample/" + encodeURIComponent(benchmark) + "/" + encodeURIComponent(s.id), "class": "open" }, s.id);
      var tr = el("tr", { "class": "status-" + s.s + (changedVerdict(s) ? " changed" : ""), "data-sample": s.id },
          el("td", null, benchmark), el("td", null, link), el("td", null, s.c), el("td", { "class": "status" }, statusText(s)),
          el("td", null, s.n), el("td", null, s.x || ""));
      if (idx.compared) tr.appendChild(el("td", null, s.o ? (STATUS[s.o] || s.o) : "not in the other run"));
      tr.appendChild(el("td", { "class": "question" }, s.q || ""));
      body.appendChild(tr);
    });
    table.appendChild(body);
    document.getElementById("show-more").hidden = rows.length <= state.shown;
  }

  // ---- the transcript ----

  function route() {
    var hash = location.hash;
    var section = document.getElementById("transcript");
    if (hash.indexOf("#samples/") === 0) { section.hidden = true; showBenchmark(hash.substring(9)); return; }
    if (hash.indexOf("#sample/") !== 0) { section.hidden = true; return; }
    if (!state.index) return; // opened once the index is in
    var parts = hash.substring(8).split("/");
    var benchmark, id;
    try { benchmark = decodeURIComponent(parts[0]); id = decodeURIComponent(parts.slice(1).join("/")); } catch (e) { return; }
    var b = state.index.benchmarks.indexOf(benchmark);
    var entry = state.index.samples.find(function (s) { return s.b === b && s.id === id; });
    section.hidden = false;
    section.textContent = "";
    if (!entry) { section.appendChild(el("p", { "class": "warning" }, "No sample " + id + " in " + benchmark + ".")); return; }
    section.appendChild(el("p", null, "Loading the transcript…"));
    chunk(entry.t, function (data) { transcript(section, entry, data[entry.p]); });
  }

  // "#samples/<benchmark>": the sample list narrowed to one benchmark (a matrix cell's link).
  function showBenchmark(encoded) {
    if (!state.index) return; // shown once the index is in
    var b;
    try { b = state.index.benchmarks.indexOf(decodeURIComponent(encoded)); } catch (e) { return; }
    if (b < 0) return;
    state.filter.benchmark = String(b);
    var select = document.getElementById("filter-benchmark");
    if (select) select.value = String(b);
    state.shown = PAGE;
    render();
    document.getElementById("samples").scrollIntoView();
  }

  function showTranscriptError(message) {
    var section = document.getElementById("transcript");
    section.textContent = "";
    section.appendChild(el("p", { "class": "warning" }, message));
  }

  function longText(text, cssClass) {
    var pre = el("pre", { "class": cssClass || "text" });
    if (text === null || text === undefined) { pre.appendChild(document.createTextNode("(none)")); return pre; }
    text = String(text);
    if (text.length <= SHOWN_TEXT) { pre.textContent = text; return pre; }
    pre.textContent = text.substring(0, SHOWN_TEXT);
    var all = el("button", { type: "button", "class": "show-all" }, "Show all " + text.length.toLocaleString() + " characters");
    all.addEventListener("click", function () { pre.textContent = text; all.remove(); });
    return el("div", null, pre, all);
  }

  function field(label, value) { return el("p", { "class": "field" }, el("span", { "class": "label" }, label + ": "), value === null || value === undefined ? "(none)" : String(value)); }

  function transcript(section, entry, e) {
    section.textContent = "";
    var close = el("a", { href: "#samples", "class": "close" }, "Close");
    section.appendChild(el("header", null, el("h2", null, "Transcript of ", el("span", { id: "transcript-id" }, e.sampleId),
        " (" + e.benchmark + ")"), close));
    section.appendChild(el("p", { "class": "status status-" + e.status, id: "transcript-status" }, statusText(entry)));
    section.appendChild(field("category", e.category));
    if (e.error) section.appendChild(field("error", e.error));
    if (e.question !== undefined) {
      section.appendChild(el("h3", null, "Question"));
      section.appendChild(longText(e.question, "text question"));
    }
    if (Array.isArray(e.options) && e.options.length) {
      var ol = el("ol", { "class": "options", type: "A" });
      e.options.forEach(function (o) { ol.appendChild(el("li", null, String(o))); });
      section.appendChild(ol);
    }
    if (e.groundTruth !== undefined) section.appendChild(field("ground truth", e.groundTruth));
    if (Array.isArray(e.images) && e.images.length) {
      var figures = el("div", { "class": "images" });
      e.images.forEach(function (image) {
        var name = String(image.name || "");
        if (typeof image.file === "string" && IMAGE.test(image.file)) {
          var img = el("img", { src: image.file, alt: name, title: name + " (click to enlarge)", "class": "thumb" });
          img.addEventListener("click", function () { img.classList.toggle("enlarged"); });
          figures.appendChild(el("figure", null, img, el("figcaption", null, name)));
        } else {
          figures.appendChild(el("figure", null, el("figcaption", null, name + " (not in the report)")));
        }
      });
      section.appendChild(figures);
    }
    if (e.providerRoundZero) {
      var p = e.providerRoundZero;
      var provider = el("details", { "class": "provider" }, el("summary", null,
          "The provider's own round-0 answer: " + (p.error ? "error" : (p.correct ? "right" : "wrong")) +
          (p.extracted !== null && p.extracted !== undefined ? " (" + p.extracted + ")" : "")));
      if (p.error) provider.appendChild(field("error", p.error));
      provider.appendChild(longText(p.answer, "text answer"));
      section.appendChild(provider);
    }
    (e.rounds || []).forEach(function (r) {
      var round = el("div", { "class": "round " + (r.correct ? "right" : "wrong"), "data-round": r.round });
      round.appendChild(el("h3", null, "Round " + r.round));
      if (r.feedback !== null && r.feedback !== undefined) {
        round.appendChild(el("h4", null, "Feedback"));
        round.appendChild(longText(r.feedback, "text feedback"));
        if (r.leakGuard && r.leakGuard !== "NONE") round.appendChild(field("leak guard", r.leakGuard));
      }
      round.appendChild(el("h4", null, "Answer"));
      round.appendChild(longText(r.answer, "text answer"));
      round.appendChild(field("extracted", r.extracted));
      round.appendChild(field("verdict", (r.correct ? "right" : "wrong") + (r.rule ? " (rule " + r.rule + (r.certain === false ? ", unsure" : "") + ")" : "")));
      if (r.finishReason) round.appendChild(field("finish reason", r.finishReason));
      section.appendChild(round);
    });
    section.scrollIntoView();
  }

  window.addEventListener("hashchange", route);
  document.addEventListener("DOMContentLoaded", function () {
    var list = document.getElementById("sample-list");
    list.appendChild(el("p", { id: "samples-loading" }, "Loading the samples…"));
    load("data/index.js", function () { list.textContent = "The sample list could not be loaded (data/index.js)."; });
  });
})();
