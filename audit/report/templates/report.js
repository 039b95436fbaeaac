(function () {
  "use strict";
  var node = document.getElementById("audit-data");
  var list = document.getElementById("flag-list");
  if (!node || !list) { return; }
  var data = JSON.parse(node.textContent || "{}");
  var cards = data.cards || [];
  var kind = document.getElementById("filter-kind");
  var severity = document.getElementById("filter-severity");
  var source = document.getElementById("filter-source");
  var sort = document.getElementById("sort-order");
  var status = document.getElementById("filter-status");
  var controls = document.getElementById("controls");
  var review = document.getElementById("filter-review");
  var editor = document.getElementById("review-editor");
  var exporter = document.getElementById("export-decisions");
  var help = document.getElementById("review-help");
  var PREFIX = "audit-review:";
  if (controls) { controls.hidden = false; }
  if (help) { help.hidden = false; }
  function load(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function store(key, value) {
    try {
      if (value === null) { window.localStorage.removeItem(key); } else { window.localStorage.setItem(key, JSON.stringify(value)); }
    } catch (e) { /* storage refused (private mode): the marks last as long as the page */ }
  }
  function mine(card) {
    var mark = load(PREFIX + card.key);
    return mark && mark.evidence === card.evidence ? mark : null;  // a mark made on other evidence no longer holds
  }
  function verdict(card) {
    var mark = mine(card);
    if (mark && mark.status) { return mark.status; }
    return card.review && card.review.state === "decided" ? card.review.status : "";
  }
  function byDocument(a, b) {
    var x = a.document, y = b.document;
    if (x[0] !== y[0]) { return x[0] < y[0] ? -1 : 1; }
    if (x[1] !== y[1]) { return x[1] - y[1]; }
    return x[2] < y[2] ? -1 : (x[2] > y[2] ? 1 : 0);
  }
  function bySeverity(a, b) {
    return a.rank - b.rank || a.position - b.position;
  }
  function apply() {
    var shown = 0;
    var order = cards.slice().sort(sort && sort.value === "document" ? byDocument : bySeverity);
    order.forEach(function (card) {
      var element = document.getElementById(card.id);
      if (!element) { return; }
      var decided = verdict(card) !== "";
      var visible = (!kind || !kind.value || kind.value === card.kind) &&
        (!severity || !severity.value || severity.value === card.severity) &&
        (!source || !source.value || source.value === card.source) &&
        (!review || !review.value || (review.value === "decided") === decided);
      element.classList.toggle("is-dismissed", verdict(card) === "dismissed");
      element.hidden = !visible;
      if (visible) { shown += 1; }
      list.appendChild(element);
    });
    if (status) { status.textContent = shown + " of " + cards.length + " flags shown"; }
  }
  [kind, severity, source, sort, review].forEach(function (control) {
    if (control) { control.addEventListener("change", apply); }
  });
  cards.forEach(function (card) {
    var element = document.getElementById(card.id);
    var box = element ? element.querySelector(".mark") : null;
    if (!box) { return; }
    var choice = box.querySelector(".mark-status");
    var rating = box.querySelector(".mark-rating");
    var note = box.querySelector(".mark-note");
    var mark = mine(card);
    if (mark) {
      choice.value = mark.status || "";
      rating.value = mark.rating || "";
      note.value = mark.note || "";
    }
    box.hidden = false;
    function changed() {
      var value = null;
      if (choice.value || rating.value) {
        value = {
          status: choice.value || null, rating: rating.value || null, note: note.value || null,
          evidence: card.evidence, claim_key: card.claim_key, rule: card.rule, claim: card.claim,
          decided_at: new Date().toISOString()
        };
      }
      store(PREFIX + card.key, value);
      apply();
    }
    choice.addEventListener("change", changed);
    rating.addEventListener("change", changed);
    note.addEventListener("change", changed);
  });
  if (editor) {
    editor.value = load("audit-review-editor") || "";
    editor.addEventListener("change", function () { store("audit-review-editor", editor.value || null); });
  }
  function decisions() {
    var out = [];
    cards.forEach(function (card) {
      var mark = mine(card);
      if (!mark) { return; }
      out.push({
        flag_key: card.key, claim_key: card.claim_key, evidence_hash: card.evidence, status: mark.status,
        rating: mark.rating, note: mark.note, editor: (editor && editor.value) || null,
        decided_at: mark.decided_at, rule: card.rule, claim: card.claim
      });
    });
    return out;
  }
  if (exporter) {
    exporter.addEventListener("click", function () {
      var found = decisions();
      var file = {
        format: "audit-decisions", version: "1", exported_at: new Date().toISOString(),
        editor: (editor && editor.value) || null, report: data.report || {}, decisions: found
      };
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2) + "\n"], { type: "application/json" }));
      link.download = "decisions.json";
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      if (status) { status.textContent = found.length + " decision(s) exported to decisions.json"; }
    });
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) { return; }
    if (event.key !== "j" && event.key !== "k") { return; }
    var visible = Array.prototype.filter.call(list.children, function (el) { return !el.hidden; });
    if (!visible.length) { return; }
    var index = visible.indexOf(document.activeElement);
    index = event.key === "j" ? Math.min(index + 1, visible.length - 1) : Math.max(index - 1, 0);
    visible[index].focus();
    event.preventDefault();
  });
  apply();
}());
