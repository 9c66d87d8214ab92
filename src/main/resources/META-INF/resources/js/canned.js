// Canned replies in the compose box: a click on a search result inserts its text (already filled in for this
// conversation) at the cursor of the reply box, then fires 'input' so that the live length check (signature
// included) runs as for typed text. The first [[marker]] of a missing value is selected, ready to be typed over.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var pick = event.target.closest ? event.target.closest('[data-canned-text]') : null;
    var box = document.getElementById('reply-text');
    if (!pick || !box) {
      return;
    }
    event.preventDefault();
    var text = pick.getAttribute('data-canned-text');
    var start = typeof box.selectionStart === 'number' ? box.selectionStart : box.value.length;
    var end = typeof box.selectionEnd === 'number' ? box.selectionEnd : start;
    var before = box.value.substring(0, start);
    var after = box.value.substring(end);
    if (before.length > 0 && !/\s$/.test(before)) {
      before += ' ';
    }
    box.value = before + text + after;
    box.focus();
    var caret = before.length + text.length;
    box.setSelectionRange(caret, caret);
    var marker = box.value.indexOf('[[', before.length);
    if (marker >= 0 && marker < caret) {
      var close = box.value.indexOf(']]', marker);
      if (close >= 0) {
        box.setSelectionRange(marker, close + 2);
      }
    }
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
})();
