/* Sort, filter and search the report's tables in the browser; no request leaves the page.
 *
 * A table marked data-interactive gets a tool bar: a search box (every word must occur in the row),
 * one list per facet named in data-facets ("place actor source outcome"; values from the rows'
 * data-place, data-actor, ... attributes, several separated by "|"), and a date range ("date": rows
 * whose data-date-start .. data-date-end overlap it). A click on a column head sorts by that column
 * (data-sort of a cell if it has one, else its text; numbers as numbers), again to reverse. Grouped
 * tables (a tbody.group heading before each tbody of rows) sort within each group and hide a group's
 * heading when none of its rows is shown.
 */
(function () {
  "use strict";

  function words(value) {
    return (value || "").toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
  }

  function cellKey(row, column) {
    var cell = row.cells[column];
    if (!cell) { return ""; }
    var sort = cell.getAttribute("data-sort");
    return sort !== null ? sort : (cell.textContent || "").replace(/\s+/g, " ").trim();
  }

  var NUMBER = /^-?[\d,]+(\.\d+)?$/;

  function compare(a, b) {
    var an = NUMBER.test(a), bn = NUMBER.test(b);
    if (an && bn) { return parseFloat(a.replace(/,/g, "")) - parseFloat(b.replace(/,/g, "")); }
    if (a === "" || b === "") { return a === "" ? (b === "" ? 0 : 1) : -1; }  // empty cells last
    if (an !== bn) { return an ? -1 : 1; }
    return a.localeCompare(b, undefined, {numeric: true, sensitivity: "base"});
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function setup(table, number) {
    var bodies = Array.prototype.filter.call(table.tBodies, function (b) { return !b.classList.contains("group"); });
    var rows = [];
    bodies.forEach(function (body) { rows.push.apply(rows, Array.prototype.slice.call(body.rows)); });
    var facets = words(table.getAttribute("data-facets"));
    var labels = {};
    (table.getAttribute("data-facet-labels") || "").split("|").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at > 0) { labels[pair.slice(0, at)] = pair.slice(at + 1); }
    });
    var bar = element("div", {"class": "tools", "role": "search"});
    var prefix = "t" + number + "-";
    var search = element("input", {"type": "search", "placeholder": "Search this table", "aria-label": "Search this table",
                                   "data-tool": "search"});
    bar.appendChild(search);
    var controls = {};
    var from = null, to = null;
    facets.forEach(function (facet) {
      if (facet === "date") {
        from = element("input", {"type": "date", "id": prefix + "from", "data-tool": "date-from"});
        to = element("input", {"type": "date", "id": prefix + "to", "data-tool": "date-to"});
        var range = element("label", {"for": prefix + "from"}, "from");
        range.appendChild(from);
        var until = element("label", {"for": prefix + "to"}, "to");
        until.appendChild(to);
        bar.appendChild(range);
        bar.appendChild(until);
        return;
      }
      var values = {};
      rows.forEach(function (row) {
        (row.getAttribute("data-" + facet) || "").split("|").forEach(function (v) { if (v) { values[v] = true; } });
      });
      var names = Object.keys(values).sort(compare);
      if (names.length < 2) { return; }
      var select = element("select", {"id": prefix + facet, "data-tool": facet});
      select.appendChild(element("option", {"value": ""}, "all"));
      names.forEach(function (name) { select.appendChild(element("option", {"value": name}, name)); });
      var label = element("label", {"for": prefix + facet}, labels[facet] || facet);
      label.appendChild(select);
      bar.appendChild(label);
      controls[facet] = select;
    });
    var reset = element("button", {"type": "button", "data-tool": "reset"}, "Show all");
    bar.appendChild(reset);
    var count = element("span", {"class": "count", "aria-live": "polite", "data-tool": "count"});
    bar.appendChild(count);
    var holder = table.parentNode.classList.contains("wide") ? table.parentNode : table;
    holder.parentNode.insertBefore(bar, holder);

    function filter() {
      var terms = words(search.value);
      var first = from && from.value, last = to && to.value;
      var shown = 0;
      rows.forEach(function (row) {
        var visible = true;
        if (terms.length) {
          var text = (row.textContent || "").toLowerCase();
          visible = terms.every(function (term) { return text.indexOf(term) !== -1; });
        }
        Object.keys(controls).forEach(function (facet) {
          var wanted = controls[facet].value;
          if (visible && wanted) {
            visible = (row.getAttribute("data-" + facet) || "").split("|").indexOf(wanted) !== -1;
          }
        });
        if (visible && (first || last)) {
          var start = row.getAttribute("data-date-start") || "", end = row.getAttribute("data-date-end") || start;
          visible = start !== "" && (!first || end >= first) && (!last || start <= last);
        }
        row.hidden = !visible;
        if (visible) { shown += 1; }
      });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        if (body.classList.contains("group")) {
          var next = body.nextElementSibling;
          var any = next && Array.prototype.some.call(next.rows, function (row) { return !row.hidden; });
          body.hidden = !any;
        }
      });
      count.textContent = shown === rows.length ? rows.length.toLocaleString("en") + " rows"
        : shown.toLocaleString("en") + " of " + rows.length.toLocaleString("en") + " rows";
    }

    var heads = table.tHead ? Array.prototype.slice.call(table.tHead.rows[0].cells) : [];
    heads.forEach(function (head, column) {
      if (head.hasAttribute("data-nosort")) { return; }
      head.setAttribute("data-sortable", "");
      head.setAttribute("tabindex", "0");
      head.setAttribute("title", "Sort by " + (head.textContent || "").trim());
      function sort() {
        var ascending = head.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        bodies.forEach(function (body) {
          var ordered = Array.prototype.slice.call(body.rows).map(function (row, i) { return [row, i]; });
          ordered.sort(function (x, y) {
            var c = compare(cellKey(x[0], column), cellKey(y[0], column));
            return (ascending ? c : -c) || x[1] - y[1];
          });
          ordered.forEach(function (pair) { body.appendChild(pair[0]); });
        });
      }
      head.addEventListener("click", sort);
      head.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
      });
    });

    [search].concat(Object.keys(controls).map(function (k) { return controls[k]; }), from ? [from, to] : [])
      .forEach(function (input) { input.addEventListener("input", filter); input.addEventListener("change", filter); });
    reset.addEventListener("click", function () {
      search.value = "";
      Object.keys(controls).forEach(function (facet) { controls[facet].value = ""; });
      if (from) { from.value = ""; to.value = ""; }
      filter();
    });
    filter();
  }

  Array.prototype.forEach.call(document.querySelectorAll("table[data-interactive]"), setup);
}());
