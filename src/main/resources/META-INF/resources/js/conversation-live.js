// Live conversation: when the queue's server-sent events say this conversation changed (claimed, released,
// handed off, new status, new message, reply), htmx refetches the care panel (who holds it, status, clock,
// priority, hand-offs) in place. Only that panel: the compose box and its draft are never touched. While the agent
// is working in the panel's forms (a field has focus, or holds a change not sent yet), the refresh waits until they
// leave it, so a live update never wipes what they are typing.
(function () {
  'use strict';
  var first = document.getElementById('care');
  if (!first || !window.EventSource || !window.htmx) {
    return;
  }
  var id = Number(first.getAttribute('data-conversation'));
  var pending = false;

  function busy() {
    var panel = document.getElementById('care');
    if (!panel) {
      return false;
    }
    if (document.activeElement && document.activeElement !== document.body && panel.contains(document.activeElement)) {
      return true;
    }
    // Anything the agent changed and has not sent yet: typed text, or another choice in a list.
    var fields = panel.querySelectorAll('input:not([type]), input[type=text], input[type=datetime-local], textarea');
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value !== fields[i].defaultValue) {
        return true;
      }
    }
    var options = panel.querySelectorAll('select option');
    for (var j = 0; j < options.length; j++) {
      if (options[j].selected !== options[j].defaultSelected) {
        return true;
      }
    }
    return false;
  }

  function refresh() {
    if (busy()) {
      pending = true;
      return;
    }
    pending = false;
    htmx.ajax('GET', '/conversations/' + id, { target: '#care', select: '#care', swap: 'outerHTML' });
  }

  document.addEventListener('focusout', function () {
    if (pending) {
      setTimeout(refresh, 0);
    }
  });
  var source = new EventSource('/api/queue/events');
  source.onmessage = function (event) {
    var change = JSON.parse(event.data);
    if (change.conversationId === id || change.type === 'CONNECTED' || change.type === 'RESYNC') {
      refresh();
    }
  };
})();
