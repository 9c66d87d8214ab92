// Live queue: listens to the server-sent events of /api/queue/events and asks htmx to refetch the rows
// (the tbody's hx-trigger "queue-changed from:body") within a fraction of a second of any change.
// A small EventSource script rather than the htmx SSE extension: the events carry JSON for API clients, and the
// page only needs "something changed, refetch". EventSource reconnects by itself; every (re)connection starts
// with a CONNECTED event, on which the rows are refetched, so nothing missed while disconnected stays stale; so
// does RESYNC (the server's own link to the other replicas was cut for a while).
(function () {
  'use strict';
  var state = document.getElementById('live-state');
  if (!window.EventSource || !window.htmx) {
    return;
  }
  var pending = null;
  function refresh() {
    // Coalesce bursts (a batch of mentions) into one refetch.
    if (pending === null) {
      pending = setTimeout(function () {
        pending = null;
        htmx.trigger(document.body, 'queue-changed');
      }, 100);
    }
  }
  function show(live) {
    if (state) {
      state.textContent = live ? 'live' : 'reconnecting…';
      state.className = 'badge ' + (live ? 'live-on' : 'live-off');
      state.setAttribute('data-live', live ? 'on' : 'off');
    }
  }
  var source = new EventSource('/api/queue/events');
  source.onmessage = function (event) {
    var change = JSON.parse(event.data);
    if (change.type === 'CONNECTED') {
      show(true);
      refresh();
    } else if (change.type !== 'HEARTBEAT') {
      refresh();
    }
  };
  source.onerror = function () {
    show(false);
  };
})();
