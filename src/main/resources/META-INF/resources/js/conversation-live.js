// Live conversation: when the queue's server-sent events say this conversation changed (claimed, released,
// handed off, new status, new message, reply), htmx refetches the care panel (who holds it, status, clock,
// priority, hand-offs) in place. Only that panel: the compose box and its draft are never touched.
(function () {
  'use strict';
  var panel = document.getElementById('care');
  if (!panel || !window.EventSource || !window.htmx) {
    return;
  }
  var id = Number(panel.getAttribute('data-conversation'));
  var source = new EventSource('/api/queue/events');
  source.onmessage = function (event) {
    var change = JSON.parse(event.data);
    if (change.conversationId === id || change.type === 'CONNECTED') {
      htmx.ajax('GET', '/conversations/' + id, { target: '#care', select: '#care', swap: 'outerHTML' });
    }
  };
})();
