// Backend Skills Lab: self-check quizzes that remember the reader's answers.
// Answers stay in this browser, through the progress store of progress.js (loaded first);
// nothing is sent anywhere.
(function () {
  "use strict";
  var store = window.bslProgress;

  function save(question, value) { store.save("quiz:" + question, value); }
  function forget(question) { store.forget("quiz:" + question); }

  function inputsOf(question) {
    return Array.prototype.slice.call(question.querySelectorAll("input"));
  }

  function clear(question) {
    inputsOf(question).forEach(function (input) {
      var item = input.closest("li");
      item.classList.remove("is-correct", "is-wrong");
      item.querySelector(".lab-quiz__why").hidden = true;
    });
    question.classList.remove("is-right", "is-wrong");
    question.querySelector(".lab-quiz__result").textContent = "";
  }

  function grade(question) {
    var inputs = inputsOf(question);
    var chosen = inputs.filter(function (i) { return i.checked; }).map(function (i) { return Number(i.value); });
    var result = question.querySelector(".lab-quiz__result");
    if (chosen.length === 0) { result.textContent = "Pick an answer first."; return; }
    var right = inputs.every(function (i) { return i.checked === i.hasAttribute("data-correct"); });
    inputs.forEach(function (input) {
      var item = input.closest("li");
      var correct = input.hasAttribute("data-correct");
      item.classList.toggle("is-correct", correct);
      item.classList.toggle("is-wrong", input.checked && !correct);
      item.querySelector(".lab-quiz__why").hidden = !(input.checked || correct);
    });
    question.classList.toggle("is-right", right);
    question.classList.toggle("is-wrong", !right);
    result.textContent = right ? "Right." : "Not quite: read the explanations.";
    save(question.dataset.question, { chosen: chosen, right: right });
  }

  function setup(root) {
    root.querySelectorAll(".lab-quiz__question").forEach(function (question) {
      if (question.dataset.ready) return;
      question.dataset.ready = "1";
      question.querySelector(".lab-quiz__check").addEventListener("click", function () { grade(question); });
      var reset = question.querySelector(".lab-quiz__reset");
      if (reset) {
        reset.addEventListener("click", function () {
          inputsOf(question).forEach(function (i) { i.checked = false; });
          clear(question);
          forget(question.dataset.question);
        });
      }
      var saved = store.quiz(question.dataset.question);
      if (saved) {
        inputsOf(question).forEach(function (i) { i.checked = saved.chosen.indexOf(Number(i.value)) >= 0; });
        grade(question);
      }
    });
  }

  if (window.document$) {
    window.document$.subscribe(function () { setup(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { setup(document); });
  }
})();
