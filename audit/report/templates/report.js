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
  if (controls) { controls.hidden = false; }
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
      var visible = (!kind || !kind.value || kind.value === card.kind) &&
        (!severity || !severity.value || severity.value === card.severity) &&
        (!source || !source.value || source.value === card.source);
      element.hidden = !visible;
      if (visible) { shown += 1; }
      list.appendChild(element);
    });
    if (status) { status.textContent = shown + " of " + cards.length + " flags shown"; }
  }
  [kind, severity, source, sort].forEach(function (control) {
    if (control) { control.addEventListener("change", apply); }
  });
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
