// The query editor: posts the query to /sparql and shows the answer as a table. No libraries.
(function () {
  "use strict";
  const form = document.getElementById("editor");
  if (!form) return;
  const textarea = document.getElementById("query");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const base = results.dataset.base;

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      const a = document.createElement("a");
      a.href = term.value.startsWith(base) ? "/" + term.value.slice(base.length) : term.value;
      a.textContent = term.value;
      td.appendChild(a);
    } else {
      td.textContent = term.type === "bnode" ? "_:" + term.value : term.value;
      if (term["xml:lang"]) td.lang = term["xml:lang"];
    }
    return td;
  }

  function showTable(data) {
    const table = document.createElement("table");
    table.className = "results";
    const head = table.createTHead().insertRow();
    for (const v of data.head.vars) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const binding of data.results.bindings) {
      const row = body.insertRow();
      for (const v of data.head.vars) row.appendChild(cell(binding[v]));
    }
    results.replaceChildren(table);
    const n = data.results.bindings.length;
    status.textContent = n + (n === 1 ? " row" : " rows") + (data.truncated ? " (truncated)" : "");
  }

  async function run(event) {
    if (event) event.preventDefault();
    status.className = "";
    status.textContent = "Running…";
    const started = performance.now();
    try {
      const response = await fetch("/sparql", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded",
                   "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
        body: new URLSearchParams({ query: textarea.value }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(response.status + ": " + text);
      const type = response.headers.get("Content-Type") || "";
      if (type.includes("json")) {
        const data = JSON.parse(text);
        if ("boolean" in data) {
          results.replaceChildren(document.createTextNode(String(data.boolean)));
          status.textContent = "ASK answered";
        } else {
          showTable(data);
        }
      } else {
        const pre = document.createElement("pre");
        pre.textContent = text;
        results.replaceChildren(pre);
        status.textContent = "graph";
      }
      status.textContent += " in " + Math.round(performance.now() - started) + " ms";
    } catch (error) {
      status.className = "error";
      status.textContent = error.message;
      results.replaceChildren();
    }
  }

  form.addEventListener("submit", run);
  textarea.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run(event);
  });
})();
