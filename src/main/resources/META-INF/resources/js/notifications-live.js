// Notification bell: listens to the logged-in user's server-sent events (/api/notifications/events) and rereads
// the unread count (/api/notifications/unread) on each: on every (re)connection (CONNECTED, so a count missed while
// disconnected is caught up), on RESYNC (this replica's server may have missed another replica's notifications)
// and on each NOTIFIED. On the notifications page the list is refetched too.
// EventSource reconnects by itself after a network failure or a restart.
(function () {
  'use strict';
  var count = document.getElementById('bell-count');
  var bell = document.getElementById('bell');
  if (!count || !window.EventSource || !window.fetch) {
    return;
  }
  function show(unread) {
    count.textContent = String(unread);
    count.className = 'bell-count' + (unread > 0 ? ' unread' : '');
    if (bell) {
      bell.setAttribute('aria-label', 'Notifications, ' + unread + ' unread');
    }
  }
  function reread(list) {
    fetch('/api/notifications/unread', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (body) {
          show(body.unread);
        }
      });
    if (list && document.getElementById('notification-list') && window.htmx) {
      htmx.ajax('GET', '/notifications', { target: '#notification-list', select: '#notification-list', swap: 'outerHTML' });
    }
  }
  var source = new EventSource('/api/notifications/events');
  source.onmessage = function (event) {
    var change = JSON.parse(event.data);
    if (change.type === 'CONNECTED' || change.type === 'RESYNC' || change.type === 'NOTIFIED') {
      reread(change.type !== 'CONNECTED');
    }
  };
})();
