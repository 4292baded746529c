// Backend Skills Lab: the reader's progress, kept in this browser only (localStorage).
// No account, no server, no cookie: nothing here is ever sent anywhere.
//
// Every key starts with "bsl:v1:" (the version lets a later format move the data on):
//   bsl:v1:read:<page url>      true            the reader marked the page as read
//   bsl:v1:quiz:<question id>   {chosen, right}  the last checked answer (written by lab.js)
//   bsl:v1:exercise:<name>      true            the reader ticked "I've done this exercise"
// The store below is the only code that touches localStorage; lab.js uses it for quizzes.
(function () {
  "use strict";
  var PREFIX = "bsl:v1:";
  var OLD_PREFIXES = ["bsl:quiz:"];  // quiz answers saved before the store had a version

  function openStorage() {
    try {
      var storage = window.localStorage;
      storage.setItem(PREFIX + "probe", "1");
      storage.removeItem(PREFIX + "probe");
      return storage;
    } catch (e) {
      return null;  // storage turned off, private mode, or full
    }
  }
  var storage = openStorage();

  function ourKeys() {
    var keys = [];
    if (!storage) return keys;
    for (var i = 0; i < storage.length; i++) {
      var key = storage.key(i);
      if (key && (key.indexOf(PREFIX) === 0 || OLD_PREFIXES.some(function (p) { return key.indexOf(p) === 0; }))) {
        keys.push(key);
      }
    }
    return keys;
  }

  function changed() {
    document.dispatchEvent(new CustomEvent("bsl:progress"));
  }

  var store = {
    available: storage !== null,
    load: function (key) {
      if (!storage) return null;
      try { return JSON.parse(storage.getItem(PREFIX + key)); } catch (e) { return null; }  // corrupt: as if absent
    },
    save: function (key, value) {
      if (!storage) return false;
      try { storage.setItem(PREFIX + key, JSON.stringify(value)); } catch (e) { return false; }
      changed();
      return true;
    },
    forget: function (key) {
      if (!storage) return;
      try { storage.removeItem(PREFIX + key); } catch (e) { /* nothing to undo */ }
      changed();
    },
    // Remove every key this site wrote, and nothing else (the theme's own settings stay).
    clear: function () {
      ourKeys().forEach(function (key) {
        try { storage.removeItem(key); } catch (e) { /* keep going */ }
      });
      changed();
    },
    isRead: function (page) { return store.load("read:" + page) === true; },
    setRead: function (page, read) { return read ? store.save("read:" + page, true) : store.forget("read:" + page); },
    isDone: function (exercise) { return store.load("exercise:" + exercise) === true; },
    setDone: function (exercise, done) {
      return done ? store.save("exercise:" + exercise, true) : store.forget("exercise:" + exercise);
    },
    quiz: function (question) {
      var saved = store.load("quiz:" + question);
      return saved && Array.isArray(saved.chosen) && typeof saved.right === "boolean" ? saved : null;
    }
  };

  // Quiz answers saved under the old unversioned keys move to the versioned ones, once.
  (function migrate() {
    ourKeys().forEach(function (key) {
      if (key.indexOf("bsl:quiz:") !== 0) return;
      try {
        var newKey = PREFIX + "quiz:" + key.slice("bsl:quiz:".length);
        if (storage.getItem(newKey) === null) storage.setItem(newKey, storage.getItem(key));
        storage.removeItem(key);
      } catch (e) { /* leave it */ }
    });
  })();

  window.bslProgress = store;

  // -- the page: "Mark this page as read" and "I've done this exercise" -----------------
  var UNREAD_LABEL = "Mark this page as read";

  function showMark(mark) {
    var read = store.isRead(mark.dataset.labPage);
    var button = mark.querySelector(".lab-mark__button");
    button.classList.toggle("md-button--primary", read);
    button.textContent = "";
    if (read) {
      button.appendChild(document.createTextNode("Read "));
      var tick = document.createElement("span");
      tick.setAttribute("aria-hidden", "true");
      tick.textContent = "✓";
      button.appendChild(tick);
      button.appendChild(document.createTextNode(" — undo"));
    } else {
      button.textContent = UNREAD_LABEL;
    }
  }

  function setupPage(root) {
    root.querySelectorAll(".lab-mark").forEach(function (mark) {
      if (!store.available || mark.dataset.ready) return;
      mark.dataset.ready = "1";
      mark.hidden = false;
      showMark(mark);
      mark.querySelector(".lab-mark__button").addEventListener("click", function () {
        var read = !store.isRead(mark.dataset.labPage);
        store.setRead(mark.dataset.labPage, read);
        showMark(mark);
        mark.querySelector(".lab-mark__status").textContent =
          read ? "This page is marked as read." : "This page is no longer marked as read.";
      });
    });
    root.querySelectorAll(".lab-done").forEach(function (done) {
      if (!store.available || done.dataset.ready) return;
      done.dataset.ready = "1";
      done.hidden = false;
      var box = done.querySelector("input");
      box.checked = store.isDone(box.dataset.labExercise);
      box.addEventListener("change", function () { store.setDone(box.dataset.labExercise, box.checked); });
    });
  }

  // -- the home page: the progress view --------------------------------------------------
  function words(list) {
    return list.trim() ? list.trim().split(/\s+/) : [];
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  // What the reader has done on one lesson, from its list item's data attributes.
  function lessonState(item) {
    var questions = words(item.dataset.labQuiz || "");
    var exercises = words(item.dataset.labExercises || "");
    var state = { read: store.isRead(item.dataset.labPage), questions: questions.length, answered: 0,
                  right: 0, exercises: exercises.length, done: 0 };
    questions.forEach(function (id) {
      var saved = store.quiz(id);
      if (saved) { state.answered += 1; if (saved.right) state.right += 1; }
    });
    exercises.forEach(function (name) { if (store.isDone(name)) state.done += 1; });
    return state;
  }

  function add(total, state) {
    total.pages += 1;
    total.read += state.read ? 1 : 0;
    ["questions", "answered", "right", "exercises", "done"].forEach(function (k) { total[k] += state[k]; });
  }

  function emptyTotal() {
    return { pages: 0, read: 0, questions: 0, answered: 0, right: 0, exercises: 0, done: 0 };
  }

  function describeLesson(state) {
    if (!state.read && !state.answered && !state.done) return "not started";
    var parts = [state.read ? "read" : "not read yet"];
    if (state.questions) {
      parts.push(state.answered
        ? "quiz " + state.right + " of " + state.answered + " answered right (" + state.questions + " questions)"
        : "quiz not started");
    }
    if (state.exercises) parts.push(state.done === state.exercises ? "exercise done" : "exercise not done");
    return parts.join(" · ");
  }

  function describeChapter(total) {
    var parts = [total.read + " of " + plural(total.pages, "page", "pages") + " read"];
    if (total.questions) {
      parts.push(total.answered
        ? "quizzes: " + total.right + " right of " + total.answered + " answered (" +
          plural(total.questions, "question", "questions") + ")"
        : "quizzes: none answered yet (" + plural(total.questions, "question", "questions") + ")");
    }
    if (total.exercises) parts.push(total.done + " of " + plural(total.exercises, "exercise", "exercises") + " done");
    return parts.join(" · ");
  }

  function fillBar(view, name, value, max, text) {
    var row = view.querySelector('[data-lab-overall="' + name + '"]');
    if (!row) return;
    var bar = row.querySelector("progress");
    bar.max = Math.max(max, 1);
    bar.value = value;
    row.querySelector(".lab-progress__figure").textContent = text;
  }

  function renderView(view) {
    var overall = emptyTotal();
    view.querySelectorAll(".lab-progress__chapter").forEach(function (chapter) {
      var total = emptyTotal();
      chapter.querySelectorAll("[data-lab-page]").forEach(function (item) {
        var state = lessonState(item);
        add(total, state);
        item.classList.toggle("is-read", state.read);
        var label = item.querySelector(".lab-progress__state");
        label.textContent = describeLesson(state);
        label.hidden = false;
      });
      var summary = chapter.querySelector(".lab-progress__summary");
      summary.textContent = describeChapter(total);
      summary.hidden = false;
      ["pages", "read", "questions", "answered", "right", "exercises", "done"].forEach(function (k) {
        overall[k] += total[k];
      });
    });
    fillBar(view, "read", overall.read, overall.pages,
            overall.read + " of " + overall.pages + " pages read");
    fillBar(view, "quiz", overall.right, overall.questions,
            overall.right + " of " + overall.questions + " quiz questions answered right (" +
            overall.answered + " answered)");
    fillBar(view, "exercises", overall.done, overall.exercises,
            overall.done + " of " + overall.exercises + " exercises done");
  }

  function setupView(view) {
    if (view.dataset.ready) return;
    view.dataset.ready = "1";
    var status = view.querySelector(".lab-progress__status");
    if (!store.available) {
      status.textContent = "This browser does not let the site keep anything, so your progress " +
        "cannot be saved here (private browsing, or site data turned off).";
      return;
    }
    view.querySelectorAll("[data-lab-js]").forEach(function (part) { part.hidden = false; });
    var reset = view.querySelector(".lab-progress__reset");
    var confirmBox = view.querySelector(".lab-progress__confirm");
    reset.addEventListener("click", function () {
      confirmBox.hidden = false;
      reset.setAttribute("aria-expanded", "true");
      confirmBox.querySelector(".lab-progress__yes").focus();
    });
    function close(message) {
      confirmBox.hidden = true;
      reset.setAttribute("aria-expanded", "false");
      status.textContent = message;
      reset.focus();
    }
    confirmBox.querySelector(".lab-progress__yes").addEventListener("click", function () {
      store.clear();
      close("Your progress was cleared.");
    });
    confirmBox.querySelector(".lab-progress__no").addEventListener("click", function () { close(""); });
    confirmBox.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close("");
    });
    renderView(view);
  }

  function refresh() {
    document.querySelectorAll(".lab-progress[data-ready]").forEach(renderView);
  }

  function setup(root) {
    setupPage(root);
    root.querySelectorAll(".lab-progress").forEach(setupView);
  }

  document.addEventListener("bsl:progress", refresh);
  window.addEventListener("storage", function (event) {  // another tab changed it
    if (event.key === null || event.key.indexOf("bsl:") === 0) {
      refresh();
      document.querySelectorAll(".lab-mark[data-ready]").forEach(showMark);
      document.querySelectorAll(".lab-done[data-ready] input").forEach(function (box) {
        box.checked = store.isDone(box.dataset.labExercise);
      });
    }
  });

  if (window.document$) {
    window.document$.subscribe(function () { setup(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { setup(document); });
  }
})();
