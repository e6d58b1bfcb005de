"use strict";
// Filters for the okrlint report. Without JS every finding is shown; this only hides.
(function () {
  document.documentElement.classList.remove("no-js");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var onlyProblems = document.getElementById("only-problems");
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var objectives = Array.prototype.slice.call(document.querySelectorAll("article.objective"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl"));
  var status = document.getElementById("filter-status");

  function chosen(kind) {
    var set = {};
    boxes.forEach(function (box) {
      if (box.dataset.filter === kind && box.checked) { set[box.value] = true; }
    });
    return set;
  }

  function apply() {
    var severities = chosen("severity");
    var rules = chosen("rule");
    var shown = 0;
    var visibleRules = {};
    findings.forEach(function (item) {
      var visible = !!severities[item.dataset.severity] && !!rules[item.dataset.rule];
      item.hidden = !visible;
      if (visible) { shown += 1; visibleRules[item.dataset.rule] = true; }
    });
    marks.forEach(function (mark) {
      var codes = (mark.dataset.codes || "").split(" ");
      var any = codes.some(function (code) { return visibleRules[code]; });
      mark.classList.toggle("muted", !any);
    });
    objectives.forEach(function (card) {
      var hasVisible = card.querySelector(".finding:not([hidden])") !== null;
      card.hidden = !!(onlyProblems && onlyProblems.checked) && !hasVisible;
    });
    if (status) {
      // the sentence comes from the page, in its language: "Showing {shown} of {total} findings."
      status.textContent = (status.dataset.says || "{shown} / {total}")
        .replace("{shown}", String(shown))
        .replace("{total}", String(findings.length));
    }
  }

  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  if (onlyProblems) { onlyProblems.addEventListener("change", apply); }
  // Printed pages cannot be clicked: open every rule's docs first.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  apply();
})();
