/* casegraph viewer: (placeholder, filled in by its feature). */
(function (V) {
  "use strict";
})(window.casegraphViewer);
