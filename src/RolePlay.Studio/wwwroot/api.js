// The studio's calls to its bot. Every write carries the antiforgery header; a refusal comes back as problem details,
// whose detail is shown to the person next to what they typed.
"use strict";
(function () {
  async function call(method, path, body) {
    const init = { method, headers: { "Accept": "application/json" }, credentials: "same-origin" };
    if (method !== "GET") {
      init.headers["Content-Type"] = "application/json";
      init.headers["X-RolePlay-Studio"] = "1";
      init.body = JSON.stringify(body ?? {});
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch {
      return { ok: false, problem: "The bot cannot be reached. Your text is still here: try again in a moment." };
    }
    const type = response.headers.get("Content-Type") || "";
    const data = type.includes("json") ? await response.json() : null;
    if (response.ok) {
      return { ok: true, data };
    }
    const detail = data && (data.detail || data.title);
    return { ok: false, status: response.status, problem: detail || `The bot answered ${response.status}. Try again.` };
  }

  function show(element, message) {
    element.textContent = message || "";
    element.hidden = !message;
  }

  window.StudioApi = {
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body),
    put: (path, body) => call("PUT", path, body),
    show,
  };
})();
