/** The inspector page: markup only (no data, no inline script or style, so a strict CSP holds). */
export const INSPECTOR_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>graph-mock inspector</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_mock/inspector.css">
<script type="module" src="/_mock/inspector.js"></script>
</head>
<body>
<a class="skip-link" href="#requests">Skip to requests</a>
<header class="top">
  <h1>graph-mock <span class="subtitle">inspector</span></h1>
  <div class="toolbar">
    <label for="tenant">Tenant</label>
    <select id="tenant" name="tenant"><option value="">Loading…</option></select>
    <button id="refresh" type="button">Refresh</button>
    <button id="reset" type="button" class="danger" aria-describedby="reset-help">Reset to fixtures</button>
    <span id="reset-help" class="visually-hidden">Restores every tenant to the fixtures and clears the journal and fault rules.</span>
  </div>
  <p id="connection" class="connection" data-state="connecting" role="status">Connecting…</p>
</header>

<main>
<form id="token-form" class="token-form" aria-label="Admin token needed" hidden>
  <p id="token-message">The control plane needs the admin token (GRAPH_MOCK_ADMIN_TOKEN).</p>
  <label for="token">Admin token</label>
  <input id="token" name="token" type="password" autocomplete="off" spellcheck="false" required>
  <button type="submit">Use token</button>
</form>
<p id="notice" class="notice" role="alert" hidden></p>
<p id="announcer" class="visually-hidden" role="status" aria-live="polite"></p>
<div class="layout">
  <div class="column">
    <section class="panel" aria-labelledby="flows-heading">
      <h2 id="flows-heading">Flow sets</h2>
      <div id="flow-sets"><p class="empty">Loading…</p></div>
    </section>
    <section class="panel" aria-labelledby="role-groups-heading">
      <h2 id="role-groups-heading">Role groups</h2>
      <ul id="role-groups" class="plain-list"></ul>
    </section>
    <section class="panel" aria-labelledby="traffic-heading">
      <h2 id="traffic-heading">Faults and throttling</h2>
      <h3>Fault rules</h3>
      <div id="faults"><p class="empty">Loading…</p></div>
      <h3>Throttling</h3>
      <div id="throttle"><p class="empty">Loading…</p></div>
    </section>
  </div>
  <section id="requests" class="panel requests" aria-labelledby="requests-heading" tabindex="-1">
    <div class="panel-head">
      <h2 id="requests-heading">Requests <span id="request-count" class="count"></span></h2>
      <div class="panel-actions">
        <label class="check"><input id="only-tenant" type="checkbox"> Only this tenant</label>
        <button id="clear" type="button">Clear journal</button>
      </div>
    </div>
    <p id="journal-empty" class="empty">No requests yet. New requests appear here as they arrive.</p>
    <ol id="journal" class="journal" aria-live="polite" aria-relevant="additions" aria-label="Request journal, newest first"></ol>
  </section>
</div>
</main>
</body>
</html>
`
