import FlowCore
import Foundation

/// The script injected into every served HTML page (never into the built files).
///
/// It listens to `/__flowdoc/events`; on a `reload` event, or when the `hello` event on
/// (re)connecting names another build than the one the page was served from, it stores the
/// scroll position in `sessionStorage` and reloads. After the reload it restores the position.
/// Guided mode keeps its current step in `localStorage` itself, so that survives the reload too.
enum LiveReloadScript {
    /// The path of the event stream.
    static let eventsPath = "/__flowdoc/events"

    /// The `<script>` element for a page served from build `token`.
    static func element(token: String) -> String {
        "<script data-flowdoc-preview>\n" + source.replacingOccurrences(of: "__TOKEN__", with: jsString(token))
            + "</script>\n"
    }

    /// `text` as a JavaScript string literal that is also safe inside a `<script>` element.
    static func jsString(_ text: String) -> String {
        Escaping.scriptString(text, quote: "\"", isInsideHTML: true)
    }

    private static let source = """
        (function () {
          "use strict";
          var token = __TOKEN__;
          var key = "flowdoc-preview-scroll:" + location.pathname;
          window.__flowdocPreviewToken = token;
          try {
            var saved = JSON.parse(sessionStorage.getItem(key) || "null");
            if (saved) {
              sessionStorage.removeItem(key);
              var restore = function () { window.scrollTo(saved.x, saved.y); };
              if (document.readyState === "complete") restore();
              else window.addEventListener("load", function () { restore(); requestAnimationFrame(restore); });
            }
          } catch (e) {}
          var panel = document.getElementById("flowdoc-problems");
          if (panel) {
            var close = panel.querySelector(".flowdoc-problems-close");
            if (close) close.addEventListener("click", function () { panel.hidden = true; });
          }
          if (!window.EventSource) return;
          var source = new EventSource("\(eventsPath)");
          var reloading = false;
          function reload() {
            if (reloading) return;
            reloading = true;
            try { sessionStorage.setItem(key, JSON.stringify({ x: window.scrollX, y: window.scrollY })); } catch (e) {}
            source.close();
            location.reload();
          }
          source.addEventListener("reload", reload);
          source.addEventListener("hello", function (event) { if (event.data !== token) reload(); });
        })();

        """
}
