export const id = 919;
export const ids = [919];
export const modules = {

/***/ 8789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ connectGitHub)
/* harmony export */ });
async function connectGitHub(options) {
    const { createGitHubClient } = await Promise.all(/* import() */[__webpack_require__.e(344), __webpack_require__.e(780), __webpack_require__.e(166)]).then(__webpack_require__.bind(__webpack_require__, 7873));
    return createGitHubClient(options);
}


/***/ }),

/***/ 4741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ httpStatusOf)
/* harmony export */ });
/** What a failed GitHub request says about itself, whatever threw it (Octokit's RequestError, a test double). */
/** The HTTP status a failed request carries, if the error has one. */
function httpStatusOf(error) {
    return typeof error === "object" && error !== null && "status" in error
        ? Number(error.status)
        : undefined;
}


/***/ }),

/***/ 5701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ revokeInstallationToken)
/* harmony export */ });
/* harmony import */ var _request_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4741);

/**
 * Sends DELETE /installation/token with the token `octokit` authenticates with. Returns
 * whether the token is now unusable.
 */
async function revokeInstallationToken(octokit, deps, expiresAt) {
    if (expiresAt && Date.parse(expiresAt) <= deps.clock.now().getTime()) {
        deps.logger.debug("The installation token has already expired; nothing to revoke.");
        return true;
    }
    try {
        await octokit.request("DELETE /installation/token");
        deps.logger.debug("Revoked the GitHub App installation token.");
        return true;
    }
    catch (error) {
        if ((0,_request_error_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatusOf */ .s)(error) === 401) {
            deps.logger.debug("The installation token was already invalid; nothing to revoke.");
            return true;
        }
        const reason = error instanceof Error ? error.message : String(error);
        deps.logger.warning(`Could not revoke the GitHub App installation token (${reason}); it stays valid until ${expiresAt ?? "it expires (within an hour)"}.`);
        return false;
    }
}


/***/ }),

/***/ 4919:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ saveTokenForRevocation),
/* harmony export */   revokeSavedToken: () => (/* binding */ revokeSavedToken)
/* harmony export */ });
/* harmony import */ var _connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8789);
/* harmony import */ var _revoke_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5701);


const STATE_TOKEN = "installation-token";
const STATE_EXPIRES = "installation-token-expires-at";
const STATE_API_URL = "github-api-url";
/** Leaves `token` for the post step, which revokes it when the job ends. */
function saveTokenForRevocation(context, token, baseUrl) {
    context.saveState(STATE_TOKEN, token.token);
    context.saveState(STATE_EXPIRES, token.expiresAt);
    if (baseUrl)
        context.saveState(STATE_API_URL, baseUrl);
}
/** The post step: revokes the token the main step saved, if it saved one. */
async function revokeSavedToken(context, state) {
    const token = state[STATE_TOKEN];
    if (!token)
        return;
    context.secrets.add(token);
    const client = await (0,_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .connectGitHub */ .U)({
        token,
        // Only the token matters here; the repository name scopes App tokens, not this one.
        repository: "greenlight/revoke",
        ...(state[STATE_API_URL] ? { baseUrl: state[STATE_API_URL] } : {}),
        logger: context.logger,
        clock: context.clock,
        secrets: context.secrets,
        env: context.env,
    });
    await (0,_revoke_js__WEBPACK_IMPORTED_MODULE_1__/* .revokeInstallationToken */ .E)(client.octokit, context, state[STATE_EXPIRES]);
}


/***/ })

};
