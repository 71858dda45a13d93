export const id = 591;
export const ids = [591];
export const modules = {

/***/ 5591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ROOT_ACTION: () => (/* reexport safe */ _manifest_js__WEBPACK_IMPORTED_MODULE_2__.aA),
/* harmony export */   isExpression: () => (/* reexport safe */ _manifest_js__WEBPACK_IMPORTED_MODULE_2__.BH),
/* harmony export */   loadManifest: () => (/* binding */ loadManifest),
/* harmony export */   manifestPath: () => (/* reexport safe */ _manifest_js__WEBPACK_IMPORTED_MODULE_2__.ji),
/* harmony export */   parseManifest: () => (/* binding */ parseManifest)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4414);
/**
 * Reads `actions/<name>/action.yml`: the one place where input names, defaults, required
 * flags and declared outputs are written down. The CLI, the tests and the action runner
 * (through the JSON copy in dist/) all read it, so they cannot disagree about an action's
 * interface. The shape lives in ./manifest.ts.
 */




function parseManifest(text) {
    return (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .manifestFromDocument */ .bX)(yaml__WEBPACK_IMPORTED_MODULE_1__.parse(text));
}
const cache = new Map();
function loadManifest(action) {
    let manifest = cache.get(action);
    if (!manifest) {
        manifest = parseManifest((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .manifestPath */ .ji)(action), "utf8"));
        cache.set(action, manifest);
    }
    return manifest;
}


/***/ })

};
