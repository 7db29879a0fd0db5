export const id = 319;
export const ids = [319];
export const modules = {

/***/ 4158:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


/**
 * @license
 * Copyright 2020 Balena Ltd.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *    http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 *
 * ------------------------------------------------------------------------
 *
 * Copyright 2018 Zeit, Inc.
 * Licensed under the MIT License. See file LICENSE.md for a full copy.
 *
 * ------------------------------------------------------------------------
 */

/**
 * This module implements the [dockerignore
 * spec](https://docs.docker.com/engine/reference/builder/#dockerignore-file),
 * closely following Docker's (Moby) Golang implementation:
 * https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go
 * https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go
 * https://github.com/moby/moby/blob/v19.03.8/pkg/archive/archive.go#L825
 *
 * Something the spec is not clear about, but we discovered by reading source code
 * and testing against the "docker build" command, is the handling of backslashes and
 * forward slashes as path separators and escape characters in the .dockerignore file
 * across platforms including Windows, Linux and macOS:
 *
 * * On Linux and macOS, only forward slashes can be used as path separators in the
 *   .dockerignore file, and the backslash works as an escape character.
 * * On Windows, both forward slashes and backslashes are allowed as path separators
 *   in the .dockerignore file, and the backslash is not used as an escape character.
 *
 * This is consistent with how Windows works generally: both forward slashes and
 * backslashes are accepted as path separators by the cmd.exe Command Prompt or
 * PowerShell, and by library functions like the Golang filepath.Clean or the
 * Node.js path.normalize.
 *
 * Similarly, path strings provided to the IgnoreBase.ignores() and IgnoreBase.filter()
 * methods can use either forward slashes or backslashes as path separators on Windows,
 * but only forward slashes are accepted as path separators on Linux and macOS.
 */

const path = __webpack_require__(6928);

const factory = options => new IgnoreBase(options); // https://github.com/kaelzhang/node-ignore/blob/5.1.4/index.js#L538-L539
// Fixes typescript module import


factory.default = factory;
module.exports = factory;

function make_array(subject) {
  return Array.isArray(subject) ? subject : [subject];
}

const REGEX_TRAILING_SLASH = /(?<=.)\/$/;
const REGEX_TRAILING_BACKSLASH = /(?<=.)\\$/;
const REGEX_TRAILING_PATH_SEP = path.sep === '\\' ? REGEX_TRAILING_BACKSLASH : REGEX_TRAILING_SLASH;
const KEY_IGNORE = typeof Symbol !== 'undefined' ? Symbol.for('dockerignore') : 'dockerignore'; // An implementation of Go's filepath.Clean
// https://golang.org/pkg/path/filepath/#Clean
// https://github.com/golang/go/blob/master/src/path/filepath/path.go
// Note that, like Go, on Windows this function converts forward slashes
// to backslashes.

function cleanPath(file) {
  return path.normalize(file).replace(REGEX_TRAILING_PATH_SEP, '');
} // Javascript port of Golang's filepath.ToSlash
// https://golang.org/pkg/path/filepath/#ToSlash
// https://github.com/golang/go/blob/master/src/path/filepath/path.go
// Convert any OS-specific path separator to '/'. Backslash is converted
// to forward slash on Windows, but not on Linux/macOS.
// Note that both forward slashes and backslashes are valid path separators on
// Windows. As a result, code such as `pattern.split(path.sep).join('/')` fails
// on Windows when forward slashes are used as path separators.


function toSlash(file) {
  if (path.sep === '/') {
    return file;
  }

  return file.replace(/\\/g, '/');
} // Javascript port of Golang's filepath.FromSlash
// https://github.com/golang/go/blob/master/src/path/filepath/path.go


function fromSlash(file) {
  if (path.sep === '/') {
    return file;
  }

  return file.replace(/\//g, path.sep);
}

class IgnoreBase {
  constructor({
    // https://github.com/kaelzhang/node-ignore/blob/5.1.4/index.js#L372
    ignorecase = true
  } = {}) {
    this._rules = [];
    this._ignorecase = ignorecase;
    this[KEY_IGNORE] = true;

    this._initCache();
  }

  _initCache() {
    this._cache = {};
  } // @param {Array.<string>|string|Ignore} pattern


  add(pattern) {
    this._added = false;

    if (typeof pattern === 'string') {
      pattern = pattern.split(/\r?\n/g);
    }

    make_array(pattern).forEach(this._addPattern, this); // Some rules have just added to the ignore,
    // making the behavior changed.

    if (this._added) {
      this._initCache();
    }

    return this;
  } // legacy


  addPattern(pattern) {
    return this.add(pattern);
  }

  _addPattern(pattern) {
    // https://github.com/kaelzhang/node-ignore/issues/32
    if (pattern && pattern[KEY_IGNORE]) {
      this._rules = this._rules.concat(pattern._rules);
      this._added = true;
      return;
    }

    if (this._checkPattern(pattern)) {
      const rule = this._createRule(pattern.trim());

      if (rule !== null) {
        this._added = true;

        this._rules.push(rule);
      }
    }
  }

  _checkPattern(pattern) {
    // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L34-L40
    return pattern && typeof pattern === 'string' && pattern.indexOf('#') !== 0 && pattern.trim() !== "";
  }

  filter(paths) {
    return make_array(paths).filter(path => this._filter(path));
  }

  createFilter() {
    return path => this._filter(path);
  }

  ignores(path) {
    return !this._filter(path);
  } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L41-L53
  // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L29-L55


  _createRule(pattern) {
    const origin = pattern;
    let negative = false; // > An optional prefix "!" which negates the pattern;
    // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L43-L46

    if (pattern[0] === '!') {
      negative = true;
      pattern = pattern.substring(1).trim();
    } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L47-L53


    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      pattern = toSlash(pattern);

      if (pattern.length > 1 && pattern[0] === '/') {
        pattern = pattern.slice(1);
      }
    } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L54-L55


    if (negative) {
      pattern = '!' + pattern;
    } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L30


    pattern = pattern.trim();

    if (pattern === "") {
      return null;
    } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L34
    // convert forward slashes to backslashes on Windows


    pattern = cleanPath(pattern); // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L36-L42

    if (pattern[0] === '!') {
      if (pattern.length === 1) {
        return null;
      }

      negative = true;
      pattern = pattern.substring(1);
    } else {
      negative = false;
    }

    return {
      origin,
      pattern,
      // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L54
      dirs: pattern.split(path.sep),
      negative
    };
  } // @returns `Boolean` true if the `path` is NOT ignored


  _filter(path) {
    if (!path) {
      return false;
    }

    if (path in this._cache) {
      return this._cache[path];
    }

    return this._cache[path] = this._test(path);
  } // @returns {Boolean} true if a file is NOT ignored
  // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L62


  _test(file) {
    file = fromSlash(file); // equivalent to golang filepath.Dir() https://golang.org/src/path/filepath/path.go

    const parentPath = cleanPath(path.dirname(file));
    const parentPathDirs = parentPath.split(path.sep);
    let matched = false;

    this._rules.forEach(rule => {
      let match = this._match(file, rule); // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L80


      if (!match && parentPath !== ".") {
        // Check to see if the pattern matches one of our parent dirs.
        if (rule.dirs.includes('**')) {
          // Ah shucks! We have to test every possible parent path that has 
          // a number of dirs _n_ where 
          // `rule.dirs.filter(doubleStar).length <= _n_ <= parentPathDirs.length`
          // since the ** can imply any number of directories including 0
          for (let i = rule.dirs.filter(x => x !== '**').length; i <= parentPathDirs.length; i++) {
            match = match || this._match(parentPathDirs.slice(0, i).join(path.sep), rule);
          }
        } else if (rule.dirs.length <= parentPathDirs.length) {
          // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L83
          match = this._match(parentPathDirs.slice(0, rule.dirs.length).join(path.sep), rule);
        }
      }

      if (match) {
        matched = !rule.negative;
      }
    });

    return !matched;
  } // @returns {Boolean} true if a file is matched by a rule


  _match(file, rule) {
    return this._compile(rule).regexp.test(file);
  } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L139


  _compile(rule) {
    if (rule.regexp) {
      return rule;
    }

    let regStr = '^'; // Go through the pattern and convert it to a regexp.

    let escapedSlash = path.sep === '\\' ? '\\\\' : path.sep;

    for (let i = 0; i < rule.pattern.length; i++) {
      const ch = rule.pattern[i];

      if (ch === '*') {
        if (rule.pattern[i + 1] === '*') {
          // is some flavor of "**"
          i++; // Treat **/ as ** so eat the "/"

          if (rule.pattern[i + 1] === path.sep) {
            i++;
          }

          if (rule.pattern[i + 1] === undefined) {
            // is "**EOF" - to align with .gitignore just accept all
            regStr += ".*";
          } else {
            // is "**"
            // Note that this allows for any # of /'s (even 0) because
            // the .* will eat everything, even /'s
            regStr += `(.*${escapedSlash})?`;
          }
        } else {
          // is "*" so map it to anything but "/"
          regStr += `[^${escapedSlash}]*`;
        }
      } else if (ch === '?') {
        // "?" is any char except "/"
        regStr += `[^${escapedSlash}]`;
      } else if (ch === '.' || ch === '$') {
        // Escape some regexp special chars that have no meaning
        // in golang's filepath.Match
        regStr += `\\${ch}`;
      } else if (ch === '\\') {
        // escape next char. Note that a trailing \ in the pattern
        // will be left alone (but need to escape it)
        if (path.sep === '\\') {
          // On windows map "\" to "\\", meaning an escaped backslash,
          // and then just continue because filepath.Match on
          // Windows doesn't allow escaping at all
          regStr += escapedSlash;
          continue;
        }

        if (rule.pattern[i + 1] !== undefined) {
          regStr += '\\' + rule.pattern[i + 1];
          i++;
        } else {
          regStr += '\\';
        }
      } else {
        regStr += ch;
      }
    }

    regStr += "$";
    rule.regexp = new RegExp(regStr, this._ignorecase ? 'i' : '');
    return rule;
  }

}


/***/ }),

/***/ 9798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ dockerEnvironment),
/* harmony export */   j: () => (/* binding */ hadolintEnvironment)
/* harmony export */ });
/**
 * The environments of the step's child processes, built from a list instead of copied: the runner
 * hands an action every input as INPUT_* (INPUT_PASSWORD among them) and the job's env (often more
 * secrets); docker and hadolint need none of it. A variable reaches a child only when that child reads it.
 */
/** What any program needs to run: where programs are, the home folder, language, time zone, temp. */
const BASE = /^(PATH|HOME|USER|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR)$/;
/**
 * What the docker CLI and its plugins (buildx) read: the engine's address and TLS, the context,
 * proxies and CA bundles, ssh agents for ssh:// hosts, kubeconfig for the kubernetes driver, and
 * buildx's and BuildKit's own settings. DOCKER_CONFIG and DOCKER_BUILDKIT are set by the kit.
 */
const DOCKER = /^(DOCKER_(HOST|CONTEXT|TLS|TLS_VERIFY|CERT_PATH|API_VERSION|DEFAULT_PLATFORM|CONTENT_TRUST|CONTENT_TRUST_SERVER|CLI_HINTS|CLI_EXPERIMENTAL)|BUILDX_[A-Z0-9_]+|BUILDKIT_[A-Z0-9_]+|(HTTPS?|NO|ALL|FTP)_PROXY|(https?|no|all|ftp)_proxy|SSL_CERT_(FILE|DIR)|SSH_AUTH_SOCK|XDG_RUNTIME_DIR|KUBECONFIG)$/;
function pick(env, ...patterns) {
    const out = {};
    for (const [key, value] of Object.entries(env)) {
        if (value !== undefined && patterns.some((p) => p.test(key)))
            out[key] = value;
    }
    return out;
}
function dockerEnvironment(env, options = {}) {
    const out = pick(env, BASE, DOCKER, ...(options.extra ?? []));
    out.DOCKER_CONFIG = options.dockerConfig ?? env.DOCKER_CONFIG;
    if (out.DOCKER_CONFIG === undefined)
        delete out.DOCKER_CONFIG;
    if (options.buildkit)
        out.DOCKER_BUILDKIT = options.buildkit;
    else if (env.DOCKER_BUILDKIT !== undefined)
        out.DOCKER_BUILDKIT = env.DOCKER_BUILDKIT;
    return out;
}
/** hadolint reads its config from XDG_CONFIG_HOME or HOME, and HADOLINT_* settings. */
function hadolintEnvironment(env) {
    return pick(env, BASE, /^XDG_CONFIG_HOME$/, /^HADOLINT_[A-Z_]+$/);
}


/***/ }),

/***/ 6319:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _lib_action_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5490);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6696);


await (0,_lib_action_js__WEBPACK_IMPORTED_MODULE_0__/* .runStep */ .e)(_main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}

// EXTERNAL MODULE: ./lib/annotate.ts
var annotate = __webpack_require__(6484);
// EXTERNAL MODULE: ./lib/errors.ts
var errors = __webpack_require__(8115);
// EXTERNAL MODULE: ./lib/exec.ts
var exec = __webpack_require__(3361);
// EXTERNAL MODULE: ./lib/git-context.ts
var git_context = __webpack_require__(2816);
// EXTERNAL MODULE: ./lib/log.ts
var log = __webpack_require__(2844);
// EXTERNAL MODULE: ./lib/local-run.ts
var local_run = __webpack_require__(7685);
;// CONCATENATED MODULE: ./lib/registry.ts


const ACTIONS = ['pull', 'push'];
const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
/** The registry said no to these credentials or this scope; `code` is its word for why. */
class RegistryAuthError extends errors/* ToolError */.v4 {
    code;
    constructor(message, code) {
        super(message);
        this.code = code;
    }
}
function isLoopback(host) {
    return host === 'localhost' || /^127\./.test(host) || host === '[::1]';
}
/** The API host of a registry name as Docker spells it (`docker.io` lives at registry-1.docker.io). */
function registryApiBase(registry) {
    if (registry === 'docker.io' || registry === 'index.docker.io')
        return 'https://registry-1.docker.io';
    const host = registry.replace(/:\d+$/, '');
    return `${isLoopback(host) ? 'http' : 'https'}://${registry}`;
}
/** A `WWW-Authenticate` value: its scheme and parameters (quoted or bare). */
function parseChallenge(header) {
    const [scheme = '', ...rest] = header.trim().split(/\s+/);
    const params = {};
    for (const m of rest.join(' ').matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))/g)) {
        params[m[1]] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
    }
    return { scheme: scheme.toLowerCase(), params };
}
/** The `errors` a registry puts in its JSON answers, as `CODE: message` text. */
function registryErrors(body) {
    try {
        const parsed = JSON.parse(body);
        const list = (parsed.errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(': ')).filter(Boolean);
        if (list.length)
            return list.join('; ');
        if (parsed.details ?? parsed.detail)
            return String(parsed.details ?? parsed.detail);
    }
    catch {
        // not JSON: the text itself, below
    }
    return body.trim().replace(/\s+/g, ' ').slice(0, 200);
}
/**
 * The token service a registry's challenge names. The password goes there (as docker sends it), so
 * over https, or in clear text only where it already goes in clear text: to the host of a plain-http
 * (loopback) registry itself. An http realm on any other host would carry it across the network.
 */
function tokenRealm(name, base, realm) {
    let url;
    try {
        url = new URL(realm ?? '');
    }
    catch {
        throw new RegistryAuthError(`The registry ${name} asked for a token but named no valid token service (realm ${JSON.stringify(realm ?? '')}).`);
    }
    if (url.protocol === 'https:')
        return url;
    const registry = new URL(base);
    if (url.protocol === 'http:' && registry.protocol === 'http:' && url.hostname === registry.hostname)
        return url;
    if (url.protocol === 'http:' && registry.protocol === 'http:') {
        throw new RegistryAuthError(`The registry ${name} sends its token requests to ${url.origin}, plain http on another host than the registry's; shipkit sends the password in clear text only to a plain-http registry's own host.`);
    }
    throw new RegistryAuthError(`The registry ${name} sends its token requests to ${url.origin}, which is not https; shipkit does not send the password there.`);
}
class Registry {
    name;
    credentials;
    options;
    base;
    http;
    /** The registry's challenge once seen: then credentials go with the first request. */
    challenge;
    tokens = new Map();
    constructor(name, credentials = {}, options = {}) {
        this.name = name;
        this.credentials = credentials;
        this.options = options;
        this.base = registryApiBase(name);
    }
    /** The manifest a tag points at, or undefined when the repository or tag does not exist. */
    async manifest(repository, reference, accept = MANIFEST_TYPES) {
        const response = await this.send('GET', repository, `/v2/${repository}/manifests/${reference}`, ['pull'], { headers: { accept } });
        if (response.status === 404)
            return undefined;
        if (response.status !== 200)
            throw this.failure('read', repository, reference, response);
        const body = response.body.toString('utf8');
        const parsed = parseJson(body, `${this.name} sent a manifest for ${repository}:${reference} that is not JSON`);
        return {
            body,
            mediaType: parsed.mediaType ?? String(response.headers['content-type'] ?? ''),
            digest: String(response.headers['docker-content-digest'] ?? ''),
        };
    }
    /** The image config labels of a manifest (the first image of an index). */
    async labels(repository, manifest) {
        let image = parseJson(manifest.body, `the manifest of ${repository} is not JSON`);
        if (image.manifests) {
            const first = image.manifests.find((m) => m.platform?.os !== 'unknown') ?? image.manifests[0];
            if (!first)
                return {};
            const child = await this.manifest(repository, first.digest);
            if (!child)
                return {};
            image = parseJson(child.body, `the manifest ${first.digest} of ${repository} is not JSON`);
        }
        if (!image.config)
            return {};
        // Blobs may be redirected to a CDN: the layer drops the token there.
        const response = await this.send('GET', repository, `/v2/${repository}/blobs/${image.config.digest}`, ['pull']);
        if (response.status !== 200)
            throw this.failure('read the image config of', repository, image.config.digest, response);
        const config = parseJson(response.body.toString('utf8'), `the image config ${image.config.digest} of ${repository} is not JSON`);
        return config.config?.Labels ?? {};
    }
    /**
     * Points `tag` at an existing manifest: a re-tag with no build, no pull and no push of layers.
     * Retried like a read: putting the same manifest under the same tag twice is the same as once.
     */
    async tag(repository, tag, manifest) {
        const response = await this.send('PUT', repository, `/v2/${repository}/manifests/${tag}`, ['pull', 'push'], {
            body: manifest.body,
            headers: { 'content-type': manifest.mediaType },
        });
        if (response.status !== 201 && response.status !== 200)
            throw this.failure('tag', repository, tag, response);
    }
    layer() {
        this.http ??= __webpack_require__.e(/* import() */ 288).then(__webpack_require__.bind(__webpack_require__, 8288)).then(({ Http }) => new Http({ ...this.options, hint: `The registry ${this.name} or the network is having trouble: re-run the job.` }));
        return this.http;
    }
    who() {
        return this.credentials.username ? `as "${this.credentials.username}"` : 'anonymously';
    }
    failure(action, repository, reference, response) {
        if (response.failure)
            return response.failure;
        const detail = registryErrors(response.body.toString('utf8'));
        return new errors/* ToolError */.v4(`The registry ${this.name} refused to ${action} ${repository}:${reference} ${this.who()} (HTTP ${response.status}${detail ? `: ${detail}` : ''}).`);
    }
    /** One call with the credentials it needs; a 401 gets one fresh token (or Basic) and one more try. */
    async send(method, repository, path, actions, extra = {}) {
        const http = await this.layer();
        const attempt = (auth) => http.request({ method, url: `${this.base}${path}`, headers: extra.headers, body: extra.body, auth, retry: 'transient' });
        let auth = await this.knownAuthorization(repository, actions);
        let response = await attempt(auth);
        if (response.status !== 401)
            return response;
        this.checkChallenger(method, repository, response);
        const challenge = parseChallenge(String(response.headers['www-authenticate'] ?? ''));
        if (challenge.scheme !== 'basic' && challenge.scheme !== 'bearer') {
            throw new RegistryAuthError(`The registry ${this.name} answered 401 to ${method} ${repository} with an authentication it does not name or shipkit does not speak (${JSON.stringify(String(response.headers['www-authenticate'] ?? ''))}).`);
        }
        this.challenge = challenge;
        if (auth && challenge.params.error) {
            const held = this.tokens.get(repository)?.actions ?? actions;
            (this.options.log ?? log/* info */.pq)(`${this.name}: the token for ${scope(repository, held)} was refused (${challenge.params.error}); fetching a fresh one`);
        }
        auth = await this.freshAuthorization(challenge, repository, actions, auth);
        response = await attempt(auth);
        if (response.status !== 401)
            return response;
        this.checkChallenger(method, repository, response);
        throw challenge.scheme === 'basic' ? this.refusedBasic(repository) : this.refused(repository, actions, response);
    }
    /**
     * Only the registry itself may ask for its credentials. Blob reads are redirected to a storage
     * host or CDN (the layer drops the credentials there); a 401 from such a host is not the
     * registry's challenge, and answering it would hand the password to whatever realm it names.
     */
    checkChallenger(method, repository, response) {
        const answeredBy = new URL(response.answeredBy);
        if (answeredBy.origin === new URL(this.base).origin)
            return;
        throw new RegistryAuthError(`The registry ${this.name} sent ${method} ${repository} on to ${answeredBy.origin}, which answered 401 asking for credentials ` +
            `(${JSON.stringify(String(response.headers['www-authenticate'] ?? ''))}); shipkit gives the registry's credentials only to the registry and the token service it names, not to a host it redirects to.`);
    }
    /** Credentials that can go with the first request: a cached token, or what the challenge asked before. */
    async knownAuthorization(repository, actions) {
        const cached = this.tokens.get(repository);
        if (cached && actions.every((a) => cached.actions.includes(a)))
            return cached.authorization;
        if (!this.challenge)
            return undefined;
        return this.freshAuthorization(this.challenge, repository, actions, undefined);
    }
    async freshAuthorization(challenge, repository, actions, previous) {
        if (challenge.scheme === 'basic') {
            const basic = this.basic();
            if (!basic)
                throw new RegistryAuthError(`The registry ${this.name} needs a username and password for ${scope(repository, actions)}.`);
            if (previous === basic)
                throw this.refusedBasic(repository);
            return basic;
        }
        // Ask again for everything the repository's last token could do, so a refreshed push token
        // does not turn into a pull token when a read was what found it expired.
        const held = this.tokens.get(repository)?.actions ?? [];
        const wanted = ACTIONS.filter((a) => actions.includes(a) || held.includes(a));
        const authorization = await this.fetchToken(challenge, repository, wanted);
        this.tokens.set(repository, { actions: wanted, authorization });
        return authorization;
    }
    basic() {
        const { username, password } = this.credentials;
        return username && password ? `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` : undefined;
    }
    /** GET <realm>?service=..&scope=repository:<name>:<actions>, with Basic credentials, as docker does. */
    async fetchToken(challenge, repository, actions) {
        const realm = tokenRealm(this.name, this.base, challenge.params.realm);
        if (challenge.params.service)
            realm.searchParams.set('service', challenge.params.service);
        realm.searchParams.set('scope', scope(repository, actions));
        const http = await this.layer();
        const where = `${realm.origin}${realm.pathname}`;
        const response = await http.request({ url: realm.href, auth: this.basic(), retry: 'transient' });
        const detail = registryErrors(response.body.toString('utf8'));
        if (response.status === 401 || response.status === 403) {
            throw new RegistryAuthError(`The registry ${this.name} did not accept the credentials ${this.credentials.username ? `of "${this.credentials.username}"` : '(none given)'}: ` +
                `its token service ${where} answered ${response.status}${detail ? ` (${detail})` : ''} for ${scope(repository, actions)}. ` +
                'Check the username and password (Docker Hub: an access token; GHCR: a token allowed to write packages).', 'unauthorized');
        }
        if (response.status !== 200) {
            throw response.failure ?? new errors/* ToolError */.v4(`The token service ${where} of the registry ${this.name} answered ${response.status}${detail ? ` (${detail})` : ''} for ${scope(repository, actions)}.`);
        }
        const body = parseJson(response.body.toString('utf8'), `the token service ${where} answered with no JSON`);
        const token = body.token ?? body.access_token;
        if (!token)
            throw new errors/* ToolError */.v4(`The token service ${where} of the registry ${this.name} answered without a token for ${scope(repository, actions)}.`);
        return `Bearer ${token}`;
    }
    refusedBasic(repository) {
        return new RegistryAuthError(`The registry ${this.name} refused the username and password of "${this.credentials.username ?? ''}" for ${repository} (Basic auth, HTTP 401). Check the username and password.`, 'unauthorized');
    }
    /** Still 401 with a token fetched just now: say who asked for what, and the registry's reason. */
    refused(repository, actions, response) {
        const challenge = parseChallenge(String(response.headers['www-authenticate'] ?? ''));
        const code = challenge.params.error;
        const detail = registryErrors(response.body.toString('utf8'));
        const user = this.credentials.username ? `user "${this.credentials.username}"` : 'anonymous access';
        const may = actions.includes('push') ? 'push to' : 'pull from';
        const why = code === 'insufficient_scope'
            ? this.credentials.username
                ? `The token service did not grant ${user} ${actions.join(' and ')} on ${repository}: check the repository name and that this user may ${may} it.`
                : `Anonymous access was not granted ${actions.join(' and ')} on ${repository}: give a username and password that may ${may} it.`
            : code === 'invalid_token'
                ? 'The registry refused a token its token service had just issued: their clocks may disagree, or the service signs with a key the registry does not trust.'
                : 'Check the username and password.';
        return new RegistryAuthError(`The registry ${this.name} refused ${user} for ${scope(repository, actions)} even with a fresh token: ` +
            `${code ?? 'no reason given'}${detail ? ` (${detail})` : ''}. ${why}`, code);
    }
}
function scope(repository, actions) {
    return `repository:${repository}:${actions.join(',')}`;
}
function parseJson(text, what) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw new errors/* ToolError */.v4(`${what} (got ${JSON.stringify(text.slice(0, 80))}).`);
    }
}

// EXTERNAL MODULE: ./lib/tools/context.ts + 1 modules
var context = __webpack_require__(9093);
// EXTERNAL MODULE: ./lib/tools/install.ts
var install = __webpack_require__(2321);
// EXTERNAL MODULE: ./lib/tools/tools.ts
var tools = __webpack_require__(4909);
// EXTERNAL MODULE: ./lib/tools/probe.ts
var probe = __webpack_require__(1144);
// EXTERNAL MODULE: ./lib/which.ts
var which = __webpack_require__(431);
;// CONCATENATED MODULE: ./actions/build-images/src/cache-spec.ts
/**
 * A `--cache-from`/`--cache-to` spec read the way buildx reads it (util/buildflags), so the kit checks
 * what buildx will do rather than what the text looks like: the spec is one CSV record (fields may
 * be quoted, `""` is a quote inside quotes), each field is `key=value` split at its first `=`, keys
 * are case-insensitive (`DEST=` is `dest=`), values are taken as they are. A spec with no `=` at all
 * is a list of image references, each a registry cache.
 */
/** A spec buildx would refuse: `reason` says why, in words for an input error. */
class CacheSpecError extends Error {
}
/** One CSV record, as Go's encoding/csv (and buildx's csvvalue) reads it: no lazy quotes, no trimming. */
function csvFields(line) {
    const fields = [];
    let at = 0;
    for (;;) {
        if (line[at] !== '"') {
            const comma = line.indexOf(',', at);
            const field = comma < 0 ? line.slice(at) : line.slice(at, comma);
            const quote = field.indexOf('"');
            if (quote >= 0)
                throw new CacheSpecError(`a " inside an unquoted field at column ${at + quote + 1} (quote the whole field, and double a " inside it)`);
            fields.push(field);
            if (comma < 0)
                return fields;
            at = comma + 1;
            continue;
        }
        let field = '';
        let from = at + 1;
        for (;;) {
            const close = line.indexOf('"', from);
            if (close < 0)
                throw new CacheSpecError(`the quote at column ${at + 1} is never closed`);
            field += line.slice(from, close);
            if (line[close + 1] === '"') {
                field += '"';
                from = close + 2;
                continue;
            }
            if (close + 1 < line.length && line[close + 1] !== ',') {
                throw new CacheSpecError(`text after the closing quote at column ${close + 1} (a quoted field ends at a comma)`);
            }
            fields.push(field);
            if (close + 1 >= line.length)
                return fields;
            at = close + 2;
            break;
        }
    }
}
/** The cache entries a spec stands for; throws CacheSpecError where buildx would fail. */
function parseCacheSpec(spec) {
    const fields = csvFields(spec);
    if (!spec.includes('='))
        return fields.map((ref) => ({ type: 'registry', attrs: { ref } }));
    const entry = { type: '', attrs: {} };
    for (const field of fields) {
        const eq = field.indexOf('=');
        if (eq < 0)
            throw new CacheSpecError(`the field ${JSON.stringify(field)} is not key=value`);
        const key = field.slice(0, eq).toLowerCase();
        if (key === 'type')
            entry.type = field.slice(eq + 1);
        else
            entry.attrs[key] = field.slice(eq + 1);
    }
    if (!entry.type)
        throw new CacheSpecError('there is no type= field');
    return [entry];
}
/** The spec's type (`registry` for bare references), or '' when buildx could not read it. */
function cacheSpecType(spec) {
    try {
        return parseCacheSpec(spec)[0]?.type ?? '';
    }
    catch {
        return '';
    }
}

;// CONCATENATED MODULE: ./actions/build-images/src/builder.ts



/**
 * Which builder builds the images, and which cache flags it gets: pure reasoning over what the
 * runner's docker said (the probes in main), so every rule has a unit test. The rules follow buildx's
 * own behaviour:
 *
 * - `DOCKER_BUILDKIT=0` makes `docker build` use the classic builder even when buildx is installed
 *   (docker 23+ routes `docker build` to buildx otherwise); the kit honours it the same way.
 * - The builder buildx uses is `--builder`, else `BUILDX_BUILDER`, else the current one stored under
 *   `$DOCKER_CONFIG/buildx` (what `docker buildx use` or docker/setup-buildx-action selected), else
 *   the docker context's own builder (the `docker` driver).
 * - The `docker` driver cannot export cache other than `type=inline`, nor build several platforms at
 *   once, unless the engine uses the containerd image store; buildx fails the build when asked to.
 *   `docker-container`, `kubernetes` and `remote` builders can do both.
 * - Without buildx there is only the classic builder: no `--cache-to`, and `--cache-from` takes an
 *   image it has locally (the kit pulls it first).
 */
const CACHE_TYPES = ['registry', 'inline', 'local', 'gha', 's3', 'azblob'];
/** The tag the registry cache is kept under, next to the image's own tags. */
const CACHE_TAG = 'buildcache';
/** DOCKER_BUILDKIT is read as Go's strconv.ParseBool reads it. */
function buildkitOff(value) {
    return value !== undefined && ['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value);
}
/** The builder name to ask `docker buildx inspect` about; undefined asks for the current one. */
function builderToInspect(request) {
    return request.builder || request.builderEnv || undefined;
}
function chooseBuilder(facts, request) {
    if (buildkitOff(facts.buildkit))
        return classic(request, `DOCKER_BUILDKIT=${facts.buildkit} in the step's environment turns buildx off`);
    if (!facts.buildx)
        return classic(request, "this runner's docker has no buildx (install it, or run docker/setup-buildx-action before this step)");
    const builder = facts.builder ?? { error: 'docker buildx inspect did not run' };
    if ('error' in builder)
        throw unknownBuilder(request, builder.error);
    const exportsCache = builder.driver !== 'docker' || Boolean(facts.containerdStore);
    const limits = `the builder ${(0,log/* forLog */.Ig)(builder.name)} uses the docker driver, which`;
    const fix = 'Use a docker-container builder (docker/setup-buildx-action), or turn on the containerd image store.';
    if (request.platforms.length > 1 && !exportsCache) {
        throw new errors/* UsageError */.eb(`Input "platforms" is ${(0,log/* forLog */.Ig)(request.platforms.join(','))}: ${limits} builds one platform at a time. ${fix}`);
    }
    if (request.cacheTo.kind === 'specs' && !exportsCache) {
        const bad = request.cacheTo.specs.find((s) => cacheType(s) !== 'inline');
        if (bad)
            throw new errors/* UsageError */.eb(`Input "cache-to" has ${(0,log/* forLog */.Ig)(bad)}: ${limits} can only export type=inline cache. ${fix}`);
    }
    const why = request.builder ? 'the "builder" input' : request.builderEnv ? 'BUILDX_BUILDER' : "buildx's current builder";
    return { kind: 'buildx', why: `${why}, driver ${builder.driver}`, name: builder.name, driver: builder.driver, exportsCache, cacheFrom: request.cacheFrom, cacheTo: request.cacheTo };
}
function classic(request, reason) {
    const needs = (input, value) => new errors/* UsageError */.eb(`Input "${input}" is ${(0,log/* forLog */.Ig)(value)}, which needs docker buildx, but ${reason}.`);
    if (request.builder)
        throw needs('builder', request.builder);
    if (request.platforms.length)
        throw needs('platforms', request.platforms.join(','));
    if (request.secretIds?.length) {
        // Only the ids: the values are secrets.
        throw new errors/* UsageError */.eb(`Input "secrets" gives ${request.secretIds.map((id) => (0,log/* forLog */.Ig)(id)).join(', ')}: secret mounts (RUN --mount=type=secret) need docker buildx, but ${reason}. ` +
            'A build-arg is no substitute: its value stays in the image history.');
    }
    if (request.cacheTo.kind === 'specs')
        throw needs('cache-to', request.cacheTo.specs.join('\n'));
    if (request.cacheFrom.kind === 'specs') {
        const bad = request.cacheFrom.specs.find((s) => cacheType(s) !== 'registry');
        if (bad)
            throw new errors/* UsageError */.eb(`Input "cache-from" has ${(0,log/* forLog */.Ig)(bad)}: the classic builder only takes images (type=registry), and ${reason}.`);
    }
    return { kind: 'classic', why: reason.replace(/ \(.*\)$/, ''), cacheFrom: request.cacheFrom };
}
function unknownBuilder(request, error) {
    const said = `docker buildx said: ${(0,log/* forLog */.Ig)(error.trim().split('\n').pop() ?? '')}`;
    if (request.builder) {
        return new errors/* UsageError */.eb(`Input "builder" is ${(0,log/* forLog */.Ig)(request.builder)}, which docker buildx does not know (${said}). List the builders with docker buildx ls, or create one with docker/setup-buildx-action.`);
    }
    if (request.builderEnv)
        return new errors/* UsageError */.eb(`BUILDX_BUILDER is ${(0,log/* forLog */.Ig)(request.builderEnv)}, which docker buildx does not know (${said}).`);
    return new errors/* ToolError */.v4(`docker buildx could not tell which builder to use (${said}).`);
}
/**
 * The default registry cache lives under the image's `buildcache` tag: an image tagged so would be
 * overwritten by its own cache. Refused when that default applies.
 */
function checkCacheTag(plan, push, tags) {
    if (plan.kind !== 'buildx' || !plan.exportsCache || !push || plan.cacheTo.kind !== 'default' || !tags.includes(CACHE_TAG))
        return;
    throw new errors/* UsageError */.eb(`Input "tags" gives the tag ${CACHE_TAG}, where build-images keeps each image's registry cache: choose another tag, or set "cache-to".`);
}
/** The `Name:` and `Driver:` lines `docker buildx inspect` starts with (the builder's, not its nodes'). */
function parseInspect(stdout) {
    const field = (key) => new RegExp(`^${key}:\\s*(\\S+)\\s*$`, 'm').exec(stdout)?.[1];
    const name = field('Name');
    const driver = field('Driver');
    return name && driver ? { name, driver } : { error: `docker buildx inspect printed no builder name and driver: ${stdout.trim().split('\n')[0] ?? ''}` };
}
/** The cache specs a plan was given in its inputs (not the defaults). */
function givenCacheSpecs(plan) {
    const specs = (s) => (s.kind === 'specs' ? s.specs : []);
    return plan.kind === 'buildx' ? [...specs(plan.cacheFrom), ...specs(plan.cacheTo)] : specs(plan.cacheFrom);
}
/** One line for the log and the summary: which builder, and why that one. */
function describeBuilder(plan) {
    return plan.kind === 'classic'
        ? `Builder: the classic docker build (${plan.why}).`
        : `Builder: buildx builder ${(0,log/* forLog */.Ig)(plan.name)} (${plan.why})${plan.exportsCache ? '' : '; cache export limited to type=inline'}.`;
}
/** `type=gha,mode=max` gives `gha`; a bare reference (`user/app:cache`) is a registry cache. */
function cacheType(spec) {
    return cacheSpecType(spec);
}
/**
 * One service's cache flags. Defaults: with a builder that exports cache, a registry cache under the
 * image's `buildcache` tag (read always, written when pushing, mode=max so every stage is kept); with
 * the docker driver, the cache inline in the pushed image, read back from the last publish; with the
 * classic builder, the last published image.
 */
function cacheFlags(plan, ctx) {
    const fromPrevious = ctx.previous ? [`${ctx.image}:${ctx.previous}`] : [];
    if (plan.kind === 'classic') {
        const refs = plan.cacheFrom.kind === 'default' ? fromPrevious : plan.cacheFrom.kind === 'none' ? [] : plan.cacheFrom.specs.map((s) => registryRef(expandCache(s, ctx)));
        const cacheFrom = ctx.rebuild ? [] : refs;
        return { cacheFrom, cacheTo: [], pull: cacheFrom };
    }
    const registryCache = `type=registry,ref=${ctx.image}:${CACHE_TAG}`;
    const defaultFrom = plan.exportsCache ? [registryCache] : fromPrevious.map((ref) => `type=registry,ref=${ref}`);
    const defaultTo = !ctx.push ? [] : plan.exportsCache ? [`${registryCache},mode=max`] : ['type=inline'];
    const pick = (setting, fallback) => (setting.kind === 'default' ? fallback : setting.kind === 'none' ? [] : setting.specs.map((s) => expandCache(s, ctx)));
    return { cacheFrom: ctx.rebuild ? [] : pick(plan.cacheFrom, defaultFrom), cacheTo: pick(plan.cacheTo, defaultTo), pull: [] };
}
/** `{image}` and `{name}` filled in; a gha cache without a scope gets the image name as its scope. */
function expandCache(spec, ctx) {
    const filled = spec.replace(/\{image\}/g, ctx.image).replace(/\{name\}/g, ctx.name);
    const [entry] = parseCacheSpec(filled);
    if (entry?.type === 'gha' && entry.attrs.scope === undefined)
        return `${filled},scope=${ctx.name}`;
    return filled;
}
function registryRef(spec) {
    return parseCacheSpec(spec)[0]?.attrs.ref ?? spec;
}
/** Cache types whose credentials come from the environment: the variables buildx reads for them. */
function cacheEnvironment(specs) {
    const types = new Set(specs.map(cacheType));
    const wanted = [];
    if (types.has('gha'))
        wanted.push(/^ACTIONS_(RUNTIME_TOKEN|CACHE_URL|RESULTS_URL|CACHE_SERVICE_V2)$/);
    if (types.has('s3'))
        wanted.push(/^AWS_/);
    if (types.has('azblob'))
        wanted.push(/^AZURE_/);
    return wanted;
}

;// CONCATENATED MODULE: ./actions/build-images/src/docker.ts
/** argv for the docker CLI, built as data: each function is pure and table-tested. */
/**
 * Where a buildx build's result goes: pushed by buildx itself when pushing; else loaded into the
 * engine, which one image can be and a multi-platform list cannot (`--load` refuses it).
 */
function buildxOutput(push, platforms) {
    if (push)
        return 'push';
    return platforms.length <= 1 ? 'load' : 'none';
}
/**
 * The `secrets` input as buildx takes it without the values touching argv or a file: `--secret
 * id=<id>,env=<variable>`, and the variables, which only the build command's environment gets.
 */
function secretMounts(secrets) {
    const mounts = secrets.map((s, i) => ({ id: s.id, env: `SHIPKIT_BUILD_SECRET_${i}` }));
    return { mounts, env: Object.fromEntries(mounts.map((m, i) => [m.env, secrets[i].value])) };
}
function buildArgv(plan) {
    // the classic builder leaves the container of a failed step behind unless told --force-rm
    const args = plan.buildx ? ['buildx', 'build', '--builder', plan.buildx.builder, '--progress', 'plain'] : ['build', '--force-rm'];
    args.push('--file', plan.dockerfile);
    for (const ref of plan.refs)
        args.push('--tag', ref);
    if (!plan.labelsInDockerfile)
        for (const [key, value] of Object.entries(plan.labels))
            args.push('--label', `${key}=${value}`);
    for (const arg of plan.buildArgs)
        args.push('--build-arg', arg);
    if (plan.target)
        args.push('--target', plan.target);
    if (plan.platforms.length)
        args.push('--platform', plan.platforms.join(','));
    if (plan.rebuild)
        args.push('--pull', '--no-cache');
    for (const from of plan.cacheFrom)
        args.push('--cache-from', from);
    for (const to of plan.cacheTo)
        args.push('--cache-to', to);
    for (const secret of plan.secrets ?? [])
        args.push('--secret', `id=${secret.id},env=${secret.env}`);
    if (plan.buildx?.output === 'push')
        args.push('--push');
    if (plan.buildx?.output === 'load')
        args.push('--load');
    args.push(plan.context);
    return args;
}
function loginArgv(registry, username) {
    return ['login', registry, '--username', username, '--password-stdin'];
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./actions/build-images/src/docker-config.ts



/**
 * The step's own DOCKER_CONFIG, so the registry login never lands in the runner's config (where later
 * steps and jobs on a self-hosted runner would find it) and is gone after the post step. Docker keeps
 * more than credentials in that folder, so the rest of the runner's set-up stays visible through it:
 *
 * - `buildx/` (builders and the current one, e.g. docker/setup-buildx-action's), `contexts/` and
 *   `cli-plugins/` are symlinks to the runner's folders (removing the step's folder removes the
 *   links, never their targets);
 * - config.json keeps every setting (currentContext, cliPluginsExtraDirs, aliases, proxies, ...)
 *   and the runner's logins to other registries, wherever they live: inline `auths`, `credHelpers`,
 *   and the `credsStore` (pass, secretservice, osxkeychain, desktop, or ecr-login, which lists no
 *   registries at all), so private base images keep pulling once the step has logged in.
 * - the kit's registry alone is pinned to this file: a `credHelpers` entry with an empty helper name
 *   makes the docker CLI (and buildx, which reads the config with the same code) use the file store
 *   for that registry, ahead of any `credsStore`, so `docker login` writes the password here and
 *   nowhere else. The runner's own login to that registry is not carried over.
 * - the pin also keeps docker from looking for a default credential helper
 *   (docker-credential-secretservice/pass on PATH), which it only does when a config holds no auth
 *   at all; the empty `auths` entry written for the kit's registry says the same to older clients.
 */
const LINKED = ['buildx', 'contexts', 'cli-plugins'];
/** The runner's docker config folder, as the docker CLI finds it. */
function runnerDockerConfig(env) {
    return env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
}
/** The keys docker may store a registry's login under. */
function registryKeys(registry) {
    if (['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(registry)) {
        return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
    }
    return [registry, `https://${registry}`, `http://${registry}`];
}
function without(map, keys) {
    if (!map || typeof map !== 'object')
        return {};
    const lowered = keys.map((k) => k.replace(/\/+$/, '').toLowerCase());
    return Object.fromEntries(Object.entries(map).filter(([k]) => !lowered.includes(k.replace(/\/+$/, '').toLowerCase())));
}
/** The file store: docker's answer to a `credHelpers` entry whose helper name is empty. */
const FILE_STORE = '';
/** The step's config.json, made from the runner's (undefined when it has none). */
function stepConfigJson(runner, registry) {
    const keys = registryKeys(registry);
    const config = { ...runner };
    config.auths = { ...without(runner?.auths, keys), [keys[0]]: {} };
    config.credHelpers = { ...without(runner?.credHelpers, keys), ...Object.fromEntries(keys.map((key) => [key, FILE_STORE])) };
    return config;
}
async function createStepConfig(tempRoot, env, registry) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(tempRoot, 'shipkit-docker-'));
    await (0,promises_.chmod)(dir, 0o700);
    const runner = runnerDockerConfig(env);
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'config.json'), `${JSON.stringify(stepConfigJson(await readJson((0,external_node_path_.join)(runner, 'config.json')), registry), null, 2)}\n`, { mode: 0o600 });
    const linked = [];
    for (const name of LINKED) {
        // BUILDX_CONFIG, when set, already points buildx at its folder wherever DOCKER_CONFIG is.
        if (name === 'buildx' && env.BUILDX_CONFIG)
            continue;
        if (!(await exists((0,external_node_path_.join)(runner, name))))
            continue;
        // 'junction' makes Windows create a folder link without admin rights; elsewhere it is ignored.
        await (0,promises_.symlink)((0,external_node_path_.join)(runner, name), (0,external_node_path_.join)(dir, name), 'junction');
        linked.push(name);
    }
    return { dir, linked };
}
async function readJson(path) {
    try {
        const parsed = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
async function exists(path) {
    try {
        await (0,promises_.lstat)(path);
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./actions/build-images/src/environment.ts
var environment = __webpack_require__(9798);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./lib/inputs.ts
var lib_inputs = __webpack_require__(453);
// EXTERNAL MODULE: ./lib/mirrors.ts
var mirrors = __webpack_require__(294);
// EXTERNAL MODULE: ./lib/paths.ts
var paths = __webpack_require__(634);
// EXTERNAL MODULE: ./lib/tools/versions.ts
var versions = __webpack_require__(1341);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@balena/dockerignore/ignore.js
var dockerignore_ignore = __webpack_require__(4158);
var ignore_default = /*#__PURE__*/__webpack_require__.n(dockerignore_ignore);
;// CONCATENATED MODULE: ./actions/build-images/src/digest.ts




/** The label on every image that records what it was built from. */
const CONTEXT_DIGEST_LABEL = 'dev.shipkit.context-digest';
/**
 * A digest of everything that decides what an image holds: the files Docker would send as the
 * build context (after .dockerignore), the Dockerfile, build args, labels, target and platforms.
 * Two equal digests mean a rebuild would produce the same image, so the old one can be re-tagged.
 */
async function contextDigest(contextDir, inputs) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    hash.update('shipkit-context-v1\0');
    const ignoreFile = (0,external_node_path_.join)(contextDir, '.dockerignore');
    const ignore = ignore_default()({ ignorecase: false });
    if ((0,external_node_fs_.existsSync)(ignoreFile))
        ignore.add((0,external_node_fs_.readFileSync)(ignoreFile, 'utf8'));
    for (const file of listFiles(contextDir, ignore)) {
        const full = (0,external_node_path_.join)(contextDir, file);
        const stat = (0,external_node_fs_.lstatSync)(full);
        if (stat.isSymbolicLink()) {
            hash.update(`L ${file}\0${(0,external_node_fs_.readlinkSync)(full)}\0`);
        }
        else {
            hash.update(`F ${file}\0${stat.mode & 0o111 ? 'x' : '-'}\0`);
            for await (const chunk of (0,external_node_fs_.createReadStream)(full))
                hash.update(chunk);
            hash.update('\0');
        }
    }
    hash.update('D\0');
    hash.update((0,external_node_fs_.readFileSync)(inputs.dockerfile));
    hash.update('\0');
    hash.update(`A\0${[...inputs.buildArgs].sort().join('\n')}\0`);
    hash.update(`B\0${[...inputs.labels].sort().join('\n')}\0`);
    hash.update(`T\0${inputs.target}\0P\0${[...inputs.platforms].sort().join(',')}\0`);
    return hash.digest('hex');
}
function listFiles(root, ignore) {
    const files = [];
    const walk = (dir) => {
        for (const name of (0,external_node_fs_.readdirSync)(dir).sort()) {
            const full = (0,external_node_path_.join)(dir, name);
            const rel = (0,external_node_path_.relative)(root, full).split(external_node_path_.sep).join('/');
            const stat = (0,external_node_fs_.lstatSync)(full);
            if (stat.isDirectory()) {
                // A folder can be ignored while a file inside is re-included (`!dir/keep`), so walk it anyway.
                walk(full);
            }
            else if (!ignore.ignores(rel)) {
                files.push(rel);
            }
        }
    };
    walk(root);
    return files;
}

;// CONCATENATED MODULE: ./actions/build-images/src/hadolint.ts

const LEVELS = ['error', 'warning', 'info', 'style'];
const THRESHOLDS = ['error', 'warning', 'info', 'style', 'none'];
/** hadolint's argv for one Dockerfile; its JSON format exists since 1.x. */
function hadolintArgs(dockerfile, config) {
    return ['--format', 'json', ...(config ? ['--config', config] : []), dockerfile];
}
/** Reads `hadolint --format json` output: `[{"line":3,"code":"DL3008","message":..,"column":1,"file":..,"level":"warning"}]`. */
function parseHadolintJson(stdout, dockerfile) {
    const text = stdout.trim();
    if (!text)
        return [];
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        throw new errors/* ToolError */.v4(`hadolint did not print JSON for ${dockerfile}: ${text.split('\n')[0]?.slice(0, 200)}`);
    }
    if (!Array.isArray(raw))
        throw new errors/* ToolError */.v4(`hadolint printed JSON that is not a list of findings for ${dockerfile}`);
    const field = (value, fallback) => (typeof value === 'string' ? value : fallback);
    return raw.map((item) => ({
        file: dockerfile,
        line: Number(item.line) || 1,
        column: Number(item.column) || 1,
        code: field(item.code, 'hadolint'),
        message: field(item.message, ''),
        level: LEVELS.includes(item.level) ? item.level : 'warning',
    }));
}
function countLevels(findings) {
    const counts = { error: 0, warning: 0, info: 0, style: 0 };
    for (const f of findings)
        counts[f.level]++;
    return counts;
}
/** True when a finding is at or above the threshold (error > warning > info > style). */
function failsThreshold(findings, threshold) {
    if (threshold === 'none')
        return false;
    const limit = LEVELS.indexOf(threshold);
    return findings.some((f) => LEVELS.indexOf(f.level) <= limit);
}
function describeCounts(counts) {
    const parts = LEVELS.filter((l) => counts[l]).map((l) => `${counts[l]} ${l}`);
    return parts.length ? parts.join(', ') : 'clean';
}
/** SARIF 2.1.0 for GitHub code scanning, one run for all Dockerfiles. */
function toSarif(findings, hadolintVersion) {
    const rules = [...new Set(findings.map((f) => f.code))].sort().map((code) => ({
        id: code,
        helpUri: /^DL\d+$/.test(code) ? `https://github.com/hadolint/hadolint/wiki/${code}` : /^SC\d+$/.test(code) ? `https://www.shellcheck.net/wiki/${code}` : undefined,
    }));
    const sarifLevel = (level) => (level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'note');
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: 'hadolint', version: hadolintVersion, informationUri: 'https://github.com/hadolint/hadolint', rules } },
                results: findings.map((f) => ({
                    ruleId: f.code,
                    level: sarifLevel(f.level),
                    message: { text: f.message },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: { uri: f.file },
                                region: { startLine: f.line, startColumn: f.column },
                            },
                        },
                    ],
                })),
            },
        ],
    };
}

;// CONCATENATED MODULE: ./actions/build-images/src/reference.ts
/**
 * Image names as Docker's reference grammar (distribution/reference) spells them. The kit checks them
 * before anything runs, so a typo fails with the input's name instead of a docker error halfway
 * through a push.
 */
/** One path component: lower-case letters and digits, separated by `.`, `_`, `__` or any run of `-`. */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const PATH = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
/** A host name component: letters, digits and inner dashes. */
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*$`);
const IPV6 = /^\[[0-9a-fA-F:.]+\]$/;
/** Docker refuses a repository name (registry host included) longer than this. */
const NAME_MAX = 255;
/** True for a repository path such as `vscoder`, `org/team/ui` or `my__app`. */
function isRepositoryPath(value) {
    return PATH.test(value);
}
/**
 * Splits `host[:port]` and checks both parts; returns a reason when the value is not a registry host
 * (no scheme, no path, a port from 1 to 65535).
 */
function parseRegistry(value) {
    if (/^[a-z]+:\/\//i.test(value))
        return { problem: 'no scheme (write the host alone, e.g. ghcr.io)' };
    if (value.includes('/'))
        return { problem: 'no path (the namespace goes in "namespace")' };
    const match = /^(\[[^\]]*\]|[^:]*)(?::([^:]*))?$/.exec(value);
    if (!match)
        return { problem: 'a host with an optional port' };
    const [, host = '', port] = match;
    if (!DOMAIN.test(host) && !IPV6.test(host))
        return { problem: `"${host}" is not a host name` };
    if (port === undefined)
        return { host };
    if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
        return { problem: `the port must be a number from 1 to 65535` };
    }
    return { host, port: Number(port) };
}
/** The image a service is published as. */
function imageRef(registry, namespace, name) {
    const path = namespace ? `${namespace}/${name}` : name;
    const isHub = registry === 'docker.io' || registry === 'index.docker.io';
    return { ref: `${registry}/${path}`, repository: isHub && !namespace ? `library/${name}` : path };
}

// EXTERNAL MODULE: ./lib/glob.ts
var glob = __webpack_require__(6966);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./actions/build-images/src/tags.ts





const TAG_RULES = ['version', 'sha', 'branch', 'pr', 'latest', 'schedule', 'semver'];
/** Docker's tag grammar: up to 128 of [A-Za-z0-9_.-], not starting with `.` or `-`. */
const VALID_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
function isValidTag(tag) {
    return VALID_TAG.test(tag);
}
/** `feature/Login flow` -> `feature-login-flow`: tag-safe, lower case, at most 128 characters. */
function tagSafe(name) {
    return name
        .toLowerCase()
        .replace(/[^a-z0-9_.-]+/g, '-')
        .replace(/^[.-]+/, '')
        .replace(/-+$/, '')
        .slice(0, 128);
}
/**
 * Tags the other rules give, and the names releases are published under: a version (`1.0`, `v2`,
 * `2.0.0-rc.1`: anything starting with a digit, or with v and a digit), `latest`, `nightly`,
 * `nightly-YYYYMMDD`, `sha-<7 hex>`, `pr-<n>`, and the registry cache's tag.
 */
const LOOKS_RESERVED = new RegExp(`^(v?\\d.*|latest|nightly|nightly-\\d{8}|sha-[0-9a-f]{7}|pr-\\d+|${CACHE_TAG})$`);
const BRANCH_PREFIX = 'branch-';
/**
 * The `branch` rule's tag. A branch named like another rule's tag (a `1.0` maintenance branch, a
 * branch called `latest`) gets `branch-` in front, so a push to it never moves a release's tag.
 */
function branchTag(branch) {
    const safe = tagSafe(branch);
    if (!safe || !LOOKS_RESERVED.test(safe))
        return safe;
    return `${BRANCH_PREFIX}${safe}`.slice(0, 128).replace(/-+$/, '');
}
/** Parses the `tags` input: rule names and `raw:<value>` entries. */
function parseTagSpec(items) {
    if (!items.length)
        return { rules: [...TAG_RULES], raw: [] };
    const spec = { rules: [], raw: [] };
    for (const item of items) {
        if (item.startsWith('raw:')) {
            const value = item.slice(4).trim();
            if (!isValidTag(value)) {
                throw new errors/* UsageError */.eb(`Input "tags" has ${(0,log/* forLog */.Ig)(item)}: ${(0,log/* forLog */.Ig)(value)} is not a valid Docker tag (up to 128 of A-Z a-z 0-9 _ . -, not starting with . or -).`);
            }
            spec.raw.push(value);
        }
        else if (TAG_RULES.includes(item)) {
            spec.rules.push(item);
        }
        else {
            throw new errors/* UsageError */.eb(`Input "tags" has ${(0,log/* forLog */.Ig)(item)}: expected any of ${TAG_RULES.join(', ')}, or raw:<tag>.`);
        }
    }
    return spec;
}
/**
 * The tags one service gets in this run, duplicates removed, in rule order. `version` is the
 * trimmed VERSION file (undefined when the service has none).
 */
function computeTags(spec, git, version, now) {
    const tags = [];
    const isPr = (0,git_context/* isPullRequest */.r)(git.eventName);
    for (const rule of spec.rules) {
        switch (rule) {
            case 'version':
                if (version)
                    tags.push(version);
                break;
            case 'sha':
                if (git.sha)
                    tags.push(`sha-${git.sha.slice(0, 7)}`);
                break;
            case 'branch':
                if (git.branch && !isPr) {
                    const tag = branchTag(git.branch);
                    if (tag)
                        tags.push(tag);
                }
                break;
            case 'pr':
                if (isPr && git.prNumber)
                    tags.push(`pr-${git.prNumber}`);
                break;
            case 'latest':
                if (!isPr && git.branch && git.defaultBranch && git.branch === git.defaultBranch)
                    tags.push('latest');
                break;
            case 'schedule':
                if (git.eventName === 'schedule') {
                    tags.push('nightly', `nightly-${now.toISOString().slice(0, 10).replace(/-/g, '')}`);
                }
                break;
            case 'semver': {
                const parsed = git.tag && /^v\d/.test(git.tag) ? semver_default().parse(git.tag.slice(1)) : null;
                if (parsed) {
                    tags.push(parsed.version);
                    if (!parsed.prerelease.length)
                        tags.push(`${parsed.major}.${parsed.minor}`);
                }
                break;
            }
        }
    }
    tags.push(...spec.raw);
    return [...new Set(tags)];
}
/** Why a rule gave no tag in this run, in the words of the README's "when" column. */
function whyNoTag(rule, git, context) {
    const event = git.eventName;
    const ref = git.ref || 'no ref';
    switch (rule) {
        case 'version':
            return `version: ${context} has no VERSION file`;
        case 'sha':
            return 'sha: the run has no commit sha';
        case 'branch':
            return (0,git_context/* isPullRequest */.r)(event) ? 'branch: applies to pushes, not pull requests' : `branch: the ref ${ref} is not a branch`;
        case 'pr':
            return `pr: applies to pull requests only, this is a ${event} event`;
        case 'latest':
            return `latest: applies to the default branch${git.defaultBranch ? ` (${git.defaultBranch})` : ''} only, the ref is ${ref}`;
        case 'schedule':
            return `schedule: applies to schedule events only, this is a ${event} event`;
        case 'semver':
            return `semver: applies to v1.2.3 git tags only, the ref is ${ref}`;
    }
}

;// CONCATENATED MODULE: ./actions/build-images/src/services.ts








/** Parses `dir=name` lines (`post-py=post`). */
function parseImageNames(lines) {
    const names = new Map();
    for (const line of lines) {
        const [dir, name, ...rest] = line.split('=').map((s) => s.trim());
        if (!dir || !name || rest.length || !isRepositoryPath(name)) {
            throw new errors/* UsageError */.eb(`Input "image-names" has the line ${(0,log/* forLog */.Ig)(line)}: expected dir=name with a lower-case image name (letters, digits, and . _ - between them), e.g. post-py=post.`);
        }
        if (names.has(dir))
            throw new errors/* UsageError */.eb(`Input "image-names" names ${(0,log/* forLog */.Ig)(dir)} twice: one line per service folder.`);
        names.set(dir, name);
    }
    return names;
}
/** Names that would break a log line, an output or a tag are refused where they enter: at discovery. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Every folder matched by `patterns` that holds a Dockerfile is a service. */
function discoverServices(workspace, patterns, imageNames) {
    const seen = new Map();
    for (const pattern of patterns) {
        for (const context of (0,glob/* globDirs */.$g)(workspace, (0,paths/* checkPattern */.rg)(workspace, pattern, 'services'))) {
            const dockerfile = context === '.' ? 'Dockerfile' : `${context}/Dockerfile`;
            if (seen.has(context) || !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(workspace, dockerfile)))
                continue;
            if (CONTROL.test(context)) {
                throw new errors/* UsageError */.eb(`The service folder ${(0,log/* forLog */.Ig)(context)} (matched by "services") has a control character such as a line break in its name: rename it.`);
            }
            (0,paths/* resolveInside */.LI)(workspace, dockerfile, `The Dockerfile of ${(0,log/* forLog */.Ig)(context)}`);
            const service = context === '.' ? (0,external_node_path_.basename)(workspace) : (0,external_node_path_.basename)(context);
            const name = imageNames.get(service) ?? imageNames.get(context) ?? service.toLowerCase();
            if (!isRepositoryPath(name)) {
                throw new errors/* UsageError */.eb(`The service folder ${(0,log/* forLog */.Ig)(context)} would be published as ${(0,log/* forLog */.Ig)(name)}, which is not a valid image name (lower-case letters, digits, and . _ - between them): name it in "image-names", e.g. ${service}=${suggestName(service)}.`);
            }
            seen.set(context, { service, context, dockerfile, name, version: readVersion(workspace, context) });
        }
    }
    const services = [...seen.values()];
    const unused = unknownNames(workspace, imageNames, services);
    if (unused.length) {
        throw new errors/* UsageError */.eb(`Input "image-names" names ${unused.map(log/* forLog */.Ig).join(', ')}, which is not a service folder; services found: ${services.map((s) => s.service).join(', ') || 'none'}.`);
    }
    return services;
}
/**
 * image-names keys that name no folder with a Dockerfile: a typo, which would publish a service
 * under its folder name. Keys for folders outside `services` are fine (a matrix job builds one
 * service with the whole repository's image-names), so the rest of the workspace is looked at too.
 */
function unknownNames(workspace, imageNames, services) {
    const named = (dir, contexts) => contexts.some((c) => c === dir || (0,external_node_path_.basename)(c) === dir);
    const unused = [...imageNames.keys()].filter((dir) => !named(dir, services.map((s) => s.context)));
    if (!unused.length)
        return unused;
    const everywhere = (0,glob/* findDirs */.I4)(workspace, (_rel, entries) => entries.includes('Dockerfile'));
    return unused.filter((dir) => !named(dir, everywhere));
}
function suggestName(service) {
    return service.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '') || 'app';
}
/**
 * Two services published under one image would overwrite each other's tags: refused, naming both.
 * `imageOf` gives the full image reference of a service.
 */
function checkDistinctImages(services, imageOf, imageNames) {
    const byImage = new Map();
    for (const s of services) {
        const image = imageOf(s);
        const other = byImage.get(image);
        if (other) {
            const mapped = (x) => imageNames.has(x.service) || imageNames.has(x.context);
            // Folders of one name in two places need the context as the image-names key.
            const example = s.service === other.service ? `${s.context}=${suggestName(s.context.replace(/\//g, '-'))}` : `${s.service}=${suggestName(`${s.name}-${s.service}`)}`;
            const who = mapped(s) && mapped(other) ? `Input "image-names" gives the services ${(0,log/* forLog */.Ig)(other.context)} and ${(0,log/* forLog */.Ig)(s.context)} one name, ${(0,log/* forLog */.Ig)(s.name)}` : `The services ${(0,log/* forLog */.Ig)(other.context)} and ${(0,log/* forLog */.Ig)(s.context)} have one image name, ${(0,log/* forLog */.Ig)(s.name)}`;
            throw new errors/* UsageError */.eb(`${who}: both would be published as ${image}, each overwriting the other's tags. Give each its own name in "image-names", e.g. ${example}.`);
        }
        byImage.set(image, s);
    }
}
function readVersion(workspace, context) {
    const file = context === '.' ? 'VERSION' : `${context}/VERSION`;
    const { absolute } = (0,paths/* resolveInside */.LI)(workspace, file, `The version file ${(0,log/* forLog */.Ig)(file)}`);
    if (!(0,external_node_fs_.existsSync)(absolute))
        return undefined;
    if (!(0,external_node_fs_.statSync)(absolute).isFile() || (0,external_node_fs_.statSync)(absolute).size > 1024) {
        throw new errors/* UsageError */.eb(`${file} is not a small text file holding a version, e.g. 1.0.3.`);
    }
    const version = (0,external_node_fs_.readFileSync)(absolute, 'utf8').trim();
    if (!isValidTag(version)) {
        throw new errors/* UsageError */.eb(`${file} holds ${(0,log/* forLog */.Ig)(version)}, which is not a valid Docker tag (up to 128 of A-Z a-z 0-9 _ . -, not starting with . or -).`);
    }
    return version;
}

;// CONCATENATED MODULE: ./actions/build-images/src/inputs.ts


















const bad = (input, value, expected) => new errors/* UsageError */.eb(`Input "${input}" is ${(0,log/* forLog */.Ig)(value)}: expected ${expected}.`);
function getInputs(workspace) {
    const registry = getRegistry();
    const inputs = {
        services: getServices(workspace),
        'image-names': parseImageNames((0,lib_inputs/* getLines */.iv)('image-names')),
        registry,
        namespace: getNamespace(registry),
        username: (0,lib_inputs/* getString */.AA)('username'),
        password: (0,lib_inputs/* getSecret */.r6)('password', 'a registry password or token is one line'),
        push: (0,lib_inputs/* getEnum */.GV)('push', ['auto', 'true', 'false'], 'auto'),
        tags: parseTagSpec((0,lib_inputs/* getList */.vS)('tags')),
        labels: getPairs('labels', /^[^\s=]+$/, 'a label key without spaces'),
        'build-args': getPairs('build-args', /^[A-Za-z_][A-Za-z0-9_]*$/, 'an argument name of letters, digits and _'),
        secrets: getSecrets(),
        target: getMatching('target', /^[A-Za-z][A-Za-z0-9_.-]*$/, 'a build stage name (letters, digits, _ . -)'),
        platforms: getPlatforms(),
        builder: getMatching('builder', /^[A-Za-z0-9][A-Za-z0-9._+-]*$/, 'a buildx builder name as docker buildx ls shows it'),
        'cache-from': getCache('cache-from', workspace),
        'cache-to': getCache('cache-to', workspace),
        rebuild: (0,lib_inputs/* getBoolean */.pW)('rebuild'),
        lint: (0,lib_inputs/* getBoolean */.pW)('lint', true),
        'failure-threshold': (0,lib_inputs/* getEnum */.GV)('failure-threshold', THRESHOLDS, 'error'),
        'hadolint-config': getHadolintConfig(workspace),
        'hadolint-version': getVersion(),
        'sarif-file': getSarifFile(workspace),
        parallel: (0,lib_inputs/* getPositiveInt */.F6)('parallel', (0,external_node_os_.cpus)().length),
        mirrors: (0,mirrors/* parseMirrors */.C)((0,lib_inputs/* getLines */.iv)('mirrors')),
        'discover-only': (0,lib_inputs/* getBoolean */.pW)('discover-only'),
        'lint-only': (0,lib_inputs/* getBoolean */.pW)('lint-only'),
    };
    checkCombinations(inputs);
    return inputs;
}
function checkCombinations(inputs) {
    if (inputs['discover-only'] && inputs['lint-only']) {
        throw new errors/* UsageError */.eb('Inputs "discover-only" and "lint-only" are both true: choose one (discover-only finds services, lint-only lints them).');
    }
    if (inputs['lint-only'] && !inputs.lint)
        throw new errors/* UsageError */.eb('Input "lint-only" is true but "lint" is false: there would be nothing to do.');
    if (inputs['sarif-file'] && !inputs.lint) {
        throw new errors/* UsageError */.eb(`Input "sarif-file" is ${(0,log/* forLog */.Ig)(inputs['sarif-file'])} but "lint" is false: there would be no lint results to write.`);
    }
}
function getRegistry() {
    const value = (0,lib_inputs/* getString */.AA)('registry') || 'docker.io';
    const parsed = parseRegistry(value);
    if ('problem' in parsed)
        throw bad('registry', value, `a registry host with an optional port, e.g. docker.io, ghcr.io or 127.0.0.1:5000: ${parsed.problem}`);
    return value;
}
function getNamespace(registry) {
    const value = (0,lib_inputs/* getString */.AA)('namespace');
    if (!value)
        return value;
    if (!isRepositoryPath(value))
        throw bad('namespace', value, 'a repository path of lower-case letters and digits, with . _ - between them and / between parts, e.g. vscoder or org/team');
    if (`${registry}/${value}/x`.length > NAME_MAX)
        throw bad('namespace', value, `an image name (registry and namespace included) of at most ${NAME_MAX} characters`);
    return value;
}
/** Patterns stay in the workspace: no `..`, no absolute path elsewhere, no symlinked folder leading out. */
function getServices(workspace) {
    const patterns = (0,lib_inputs/* getLines */.iv)('services');
    return (patterns.length ? patterns : ['src/*']).map((p) => {
        const pattern = (0,paths/* checkPattern */.rg)(workspace, p, 'services');
        const literal = pattern.split('/').filter(Boolean);
        const wild = literal.findIndex((segment) => /[*?]/.test(segment));
        const fixed = (wild < 0 ? literal : literal.slice(0, wild)).join('/');
        if (fixed && !(0,paths/* isInside */.FK)(workspace, (0,external_node_path_.join)(workspace, fixed))) {
            throw new errors/* UsageError */.eb(`Input "services" has the pattern ${(0,log/* forLog */.Ig)(p)}, whose folder ${(0,log/* forLog */.Ig)(fixed)} resolves to ${(0,log/* forLog */.Ig)((0,paths/* realPathOf */.dN)((0,external_node_path_.join)(workspace, fixed)))}, outside the workspace: patterns are relative to the repository and stay inside it.`);
        }
        return pattern;
    });
}
function getMatching(name, pattern, expected) {
    const value = (0,lib_inputs/* getString */.AA)(name);
    if (value && !pattern.test(value))
        throw bad(name, value, expected);
    return value;
}
/** `KEY=value` lines; the value may hold anything but a line break. */
function getPairs(name, key, expected) {
    const lines = (0,lib_inputs/* getLines */.iv)(name);
    for (const line of lines) {
        const eq = line.indexOf('=');
        if (eq <= 0 || !key.test(line.slice(0, eq).trim())) {
            throw new errors/* UsageError */.eb(`Input "${name}" has the line ${(0,log/* forLog */.Ig)(line)}: expected KEY=value with ${expected}.`);
        }
        if (name === 'labels' && line.slice(0, eq).trim() === CONTEXT_DIGEST_LABEL) {
            throw new errors/* UsageError */.eb(`Input "labels" sets ${CONTEXT_DIGEST_LABEL}, which build-images writes itself to tell whether an image changed.`);
        }
    }
    return lines.map((line) => `${line.slice(0, line.indexOf('=')).trim()}=${line.slice(line.indexOf('=') + 1)}`);
}
/**
 * `id=value` lines, each a secret a Dockerfile mounts with `RUN --mount=type=secret,id=<id>`. Values
 * are secrets: masked at once, and no message repeats them (nor a line that has no `=`, which may
 * be a value pasted alone).
 */
function getSecrets() {
    const secrets = [];
    (0,lib_inputs/* getLines */.iv)('secrets').forEach((line, index) => {
        const eq = line.indexOf('=');
        if (eq < 0) {
            throw new errors/* UsageError */.eb(`Input "secrets" has an entry without "=" (entry ${index + 1}, not shown: it may be a secret): expected id=value lines, e.g. npm_token=\${{ secrets.NPM_TOKEN }}.`);
        }
        const id = line.slice(0, eq).trim();
        const value = line.slice(eq + 1).trim();
        if (value)
            core/* setSecret */.Pq(value);
        if (!/^[A-Za-z0-9_.-]+$/.test(id))
            throw new errors/* UsageError */.eb(`Input "secrets" has the id ${(0,log/* forLog */.Ig)(id)} (its value is not shown): expected an id of letters, digits, _ . and -, as RUN --mount=type=secret,id=<id> names it.`);
        if (secrets.some((s) => s.id === id))
            throw new errors/* UsageError */.eb(`Input "secrets" gives the id ${(0,log/* forLog */.Ig)(id)} twice: each id is one secret.`);
        secrets.push({ id, value });
    });
    return secrets;
}
function getPlatforms() {
    const platforms = [...new Set((0,lib_inputs/* getList */.vS)('platforms'))];
    const wrong = platforms.find((p) => !/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(p));
    if (wrong)
        throw new errors/* UsageError */.eb(`Input "platforms" has ${(0,log/* forLog */.Ig)(wrong)}: expected os/arch[/variant] entries, e.g. linux/amd64,linux/arm64.`);
    return platforms;
}
/**
 * buildx cache specs, one a line: `type=registry,ref=...`, `type=gha`, a bare image reference
 * (a registry cache), or `none`. `{image}` and `{name}` stand for each service's image and name.
 */
function getCache(name, workspace) {
    const lines = (0,lib_inputs/* getLines */.iv)(name);
    if (!lines.length)
        return { kind: 'default' };
    if (lines.length === 1 && lines[0] === 'none')
        return { kind: 'none' };
    for (const line of lines) {
        const wrong = (why) => new errors/* UsageError */.eb(`Input "${name}" has the line ${(0,log/* forLog */.Ig)(line)}: ${why}.`);
        if (line === 'none')
            throw wrong('"none" stands alone, with no other line');
        const placeholder = /\{([^}]*)\}/.exec(line);
        if (placeholder && !['image', 'name'].includes(placeholder[1]))
            throw wrong(`{${placeholder[1]}} is not a placeholder: use {image} or {name}`);
        // Checked as buildx will read it, placeholders filled with a name-like stand-in.
        let entries;
        try {
            entries = parseCacheSpec(line.replace(/\{(image|name)\}/g, 'x'));
        }
        catch (error) {
            if (!(error instanceof CacheSpecError))
                throw error;
            throw wrong(`buildx cannot read it as a cache spec (one CSV line of key=value fields): ${error.message}`);
        }
        for (const entry of entries) {
            if (!CACHE_TYPES.includes(entry.type))
                throw wrong(`expected type=registry, inline, local, gha, s3 or azblob with its options (e.g. type=gha,mode=max), or an image reference`);
            if (name === 'cache-from' && entry.type === 'inline')
                throw wrong('inline cache is read back with type=registry,ref=<image>');
            if (entry.type !== 'local')
                continue;
            for (const key of ['src', 'dest']) {
                if (entry.attrs[key] !== undefined)
                    (0,paths/* resolveInside */.LI)(workspace, entry.attrs[key], name);
            }
        }
    }
    return { kind: 'specs', specs: lines };
}
function getVersion() {
    const value = (0,lib_inputs/* getString */.AA)('hadolint-version');
    return value ? (0,versions/* parseVersionSpec */.Z)('hadolint-version', value) : undefined;
}
function getHadolintConfig(workspace) {
    const value = (0,lib_inputs/* getString */.AA)('hadolint-config');
    if (!value)
        return value;
    const path = (0,paths/* resolveInside */.LI)(workspace, value, 'hadolint-config');
    if (!(0,external_node_fs_.existsSync)(path.absolute) || !(0,external_node_fs_.statSync)(path.absolute).isFile())
        throw bad('hadolint-config', value, 'a hadolint config file in the repository (no such file)');
    return path.relative;
}
/** Checked now, written at the end: a bad path must not surface after the images were pushed. */
function getSarifFile(workspace) {
    const value = (0,lib_inputs/* getString */.AA)('sarif-file');
    if (!value)
        return value;
    const path = (0,paths/* resolveInside */.LI)(workspace, value, 'sarif-file');
    if ((0,external_node_fs_.existsSync)(path.absolute) && (0,external_node_fs_.statSync)(path.absolute).isDirectory())
        throw bad('sarif-file', value, 'a file path, not a folder (e.g. reports/hadolint.sarif)');
    // Missing folders are made when the file is written; a file where a folder should be is an error now.
    let dir = (0,external_node_path_.dirname)(path.absolute);
    while (!(0,external_node_fs_.existsSync)(dir) && (0,external_node_path_.dirname)(dir) !== dir)
        dir = (0,external_node_path_.dirname)(dir);
    if (!(0,external_node_fs_.statSync)(dir).isDirectory())
        throw bad('sarif-file', value, `a file path; ${(0,log/* forLog */.Ig)(dir)} is a file, not a folder`);
    return path.relative;
}
/** `auto` pushes except for pull requests, whose code has not been reviewed yet. */
function shouldPush(push, eventName) {
    if (push === 'auto')
        return !(0,git_context/* isPullRequest */.r)(eventName);
    return push === 'true';
}

;// CONCATENATED MODULE: ./actions/build-images/src/dockerfile.ts

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*?)\s*$/;
/** Parser directives sit at the very top; the first line of anything else ends them. */
function readEscape(lines) {
    for (const line of lines) {
        const m = DIRECTIVE.exec(line);
        if (!m)
            break;
        if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\'))
            return m[2];
    }
    return '\\';
}
function parseDockerfile(text) {
    const lines = text.split(/\r?\n/);
    const escape = readEscape(lines);
    const instructions = [];
    for (let i = 0; i < lines.length; i++) {
        const first = lines[i];
        if (!first.trim() || first.trim().startsWith('#'))
            continue;
        const start = i;
        let joined = first;
        // A line ending in the escape character continues on the next. As in docker's parser, comment
        // lines and blank lines inside are skipped (a blank line does not end the instruction), and the
        // end of the file ends it.
        while (continues(joined, escape)) {
            joined = joined.trimEnd().slice(0, -1);
            let next = i + 1;
            while (next < lines.length && isSkippedInContinuation(lines[next]))
                next++;
            if (next >= lines.length)
                break;
            i = next;
            joined += ` ${lines[i]}`;
        }
        i = skipHeredocs(joined, lines, i);
        const m = /^\s*(\S+)\s*(.*)$/.exec(joined);
        if (!m)
            continue;
        instructions.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line: start + 1, text: first.trim() });
    }
    return { escape, instructions, ...stagesOf(instructions) };
}
function continues(line, escape) {
    return line.trimEnd().endsWith(escape);
}
function isSkippedInContinuation(line) {
    return !line.trim() || line.trim().startsWith('#');
}
/** `RUN <<EOF` bodies are not instructions: skip to each terminator. */
function skipHeredocs(joined, lines, at) {
    let i = at;
    for (const m of joined.matchAll(/<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g)) {
        const strip = m[1] === '-';
        const word = m[3];
        i++;
        while (i < lines.length && (strip ? lines[i].replace(/^\t+/, '') : lines[i]) !== word)
            i++;
    }
    return i;
}
function stagesOf(instructions) {
    const stages = [];
    const globalArgs = new Map();
    instructions.forEach((ins, index) => {
        if (ins.keyword === 'FROM') {
            const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
            const as = words.findIndex((w) => w.toLowerCase() === 'as');
            stages.push({ from: words[0] ?? '', name: as > 0 ? words[as + 1]?.toLowerCase() : undefined, index });
        }
        else if (ins.keyword === 'ARG' && !stages.length) {
            for (const decl of ins.args.split(/\s+/).filter(Boolean)) {
                const eq = decl.indexOf('=');
                globalArgs.set(eq < 0 ? decl : decl.slice(0, eq), eq < 0 ? undefined : unquote(decl.slice(eq + 1)));
            }
        }
    });
    return { stages, globalArgs };
}
function unquote(value) {
    return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
/**
 * The image a stage's FROM names once build args and global ARG defaults are applied
 * (`${BASE_IMAGE}`, `$X`, `${X:-default}`, `${X:+alt}`), or undefined when it names an earlier stage.
 */
function resolveFrom(file, stage, buildArgs) {
    const values = new Map(file.globalArgs);
    for (const pair of buildArgs) {
        const eq = pair.indexOf('=');
        if (eq > 0 && values.has(pair.slice(0, eq)))
            values.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const image = expand(stage.from, values);
    const earlier = file.stages.slice(0, file.stages.indexOf(stage)).some((s) => s.name === image.toLowerCase());
    return earlier || image.toLowerCase() === 'scratch' ? undefined : image;
}
function expand(text, values) {
    return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_all, braced, op, word, bare) => {
        const value = values.get((braced ?? bare)) ?? '';
        if (op === '-')
            return value || (word ?? '');
        if (op === '+')
            return value ? (word ?? '') : '';
        return value;
    });
}
/** The stage holding the instruction at a 0-based index. */
function stageAt(file, index) {
    return [...file.stages].reverse().find((s) => s.index <= index);
}
/**
 * The Dockerfile with every label in one LABEL instruction at the end, written with the file's own
 * escape character. One instruction costs the classic builder one step, where each `--label` flag
 * would cost one step (a container) each. Values are quoted and `$` escaped, so nothing expands.
 */
function withLabels(text, labels) {
    const { escape } = parseDockerfile(text);
    const quote = (v) => `"${v.replace(/\r?\n/g, ' ').replace(/[\\`"$]/g, (c) => (c === escape || c === '"' || c === '$' ? `${escape}${c}` : c))}"`;
    const pairs = Object.entries(labels).map(([k, v]) => `${quote(k)}=${quote(v)}`);
    return `${endLastInstruction(text, escape).replace(/\s*$/, '')}\nLABEL ${pairs.join(' ')}\n`;
}
/**
 * A file whose last instruction is still continued (`CMD ./start.sh \` on the last line, perhaps
 * followed by comments or blank lines, which do not end it) is ended where docker ends it, at the
 * end of the file: without the dangling escape character. Left in place, it would join the appended
 * LABEL to that instruction (a corrupted CMD and no labels; a failed COPY).
 */
function endLastInstruction(text, escape) {
    const lines = text.split('\n');
    let last = lines.length - 1;
    while (last >= 0 && isSkippedInContinuation(lines[last]))
        last--;
    if (last < 0 || !continues(lines[last], escape))
        return text;
    const ended = lines[last].trimEnd().slice(0, -1).trimEnd();
    if (continues(ended, escape)) {
        // `RUN echo \\`: docker keeps the first escape as text, and a line ending in it always continues.
        throw new errors/* UsageError */.eb(`The Dockerfile's line ${last + 1} ends in ${escape}${escape}: docker reads the last ${escape} as a line continuation, so no instruction can follow and build-images cannot add its labels. End that line with something other than ${escape}.`);
    }
    lines[last] = ended;
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./actions/build-images/src/build-error.ts

/** docker 23+ prints this block when the classic builder runs; it says nothing about the failure. */
function withoutBanners(text) {
    const out = [];
    let inBanner = false;
    for (const line of text.split(/\r?\n/)) {
        if (/^DEPRECATED: The legacy builder is deprecated/.test(line)) {
            inBanner = true;
            continue;
        }
        if (inBanner && /^\s+\S/.test(line))
            continue;
        inBanner = false;
        out.push(line);
    }
    return out.join('\n');
}
const lastLines = (lines, n) => lines.map((l) => l.trimEnd()).filter(Boolean).slice(-n);
function diagnoseBuild(build) {
    const stderr = withoutBanners(build.stderr);
    const found = /^ERROR: /m.test(stderr) || /^ERROR: /m.test(build.stdout) ? fromBuildx(build, stderr) : fromClassic(build, stderr);
    const instruction = found.line === undefined ? undefined : build.dockerfile.instructions.findIndex((i) => i.line === found.line);
    const ins = instruction === undefined || instruction < 0 ? undefined : build.dockerfile.instructions[instruction];
    const pulled = found.pulled ?? (ins?.keyword === 'FROM' ? pullTarget(build, instruction) : undefined);
    const where = ins ? `line ${ins.line} (${ins.text})` : undefined;
    const summary = pulled
        ? `could not pull the base image ${pulled}${where ? ` named at ${where}` : ''}: ${found.message}`
        : `the build failed${where ? ` at ${where}` : ''}: ${found.message}`;
    return { summary, line: ins?.line, image: pulled, output: found.output };
}
function pullTarget(build, index) {
    const stage = stageAt(build.dockerfile, index);
    return stage ? resolveFrom(build.dockerfile, stage, build.buildArgs) : undefined;
}
function fromClassic(build, stderr) {
    const parse = /dockerfile parse error (?:on )?line (\d+): (.*)/i.exec(stderr);
    if (parse)
        return { message: parse[0].replace(/^Error response from daemon: /, ''), line: Number(parse[1]), output: [] };
    const out = build.stdout.split(/\r?\n/);
    let stepAt = -1;
    let step = 0;
    out.forEach((line, i) => {
        const m = /^Step (\d+)\/\d+ : /.exec(line);
        if (m)
            [stepAt, step] = [i, Number(m[1])];
    });
    // Steps count instructions from 1; steps past the file's own are the labels the kit added.
    const ins = step > 0 ? build.dockerfile.instructions[step - 1] : undefined;
    // the step's own output, without the builder's bookkeeping (layer ids, --force-rm's clean-up)
    const bookkeeping = /^( ---> |Removing intermediate container )/;
    const output = stepAt < 0 ? [] : lastLines(out.slice(stepAt + 1).filter((l) => !bookkeeping.test(l)), 5);
    const message = lastLines(stderr.split(/\r?\n/), 3).join(' ') || `exit code ${build.exitCode}`;
    return { message, line: ins?.line, output };
}
function fromBuildx(build, stderr) {
    const lines = `${build.stdout}\n${stderr}`.split(/\r?\n/);
    const errorLine = [...lines].reverse().find((l) => l.startsWith('ERROR: ')) ?? '';
    const message = errorLine.replace(/^ERROR: /, '').replace(/^failed to build: /, '').replace(/^failed to solve: /, '') || `exit code ${build.exitCode}`;
    let line;
    for (let i = 0; i + 1 < lines.length; i++) {
        const m = /^\S+:(\d+)$/.exec(lines[i]);
        if (m && /^-{5,}$/.test(lines[i + 1])) {
            line = Number(m[1]);
            break;
        }
    }
    // The block between the first two `------` lines: ` > [2/3] RUN ...:` and the step's last output.
    const open = lines.indexOf('------');
    const close = open < 0 ? -1 : lines.indexOf('------', open + 1);
    const output = close < 0 ? [] : lastLines(lines.slice(open + 2, close).map((l) => l.replace(/^\d+\.\d+ /, '')), 5);
    const pulled = /failed to resolve source metadata for (\S+?):? /.exec(message)?.[1];
    return { message, line, pulled, output };
}

;// CONCATENATED MODULE: ./actions/build-images/src/pipeline.ts











/** What a service would become in this run, before anything is done. */
function plannedResult(plan) {
    return {
        service: plan.service.service,
        name: plan.service.name,
        context: plan.service.context,
        dockerfile: plan.service.dockerfile,
        image: plan.image.ref,
        tags: plan.tags,
        digest: '',
        pushed: false,
        skipped: false,
        outcome: 'planned',
        lint: null,
        findings: [],
        seconds: 0,
        log: [],
    };
}
const STAGES = [
    ['lint', lintStage],
    ['check', reuseStage],
    ['build', buildStage],
    ['push', pushStage],
];
async function processService(plan, ctx) {
    const started = performance.now();
    const result = plannedResult(plan);
    const job = {
        plan,
        result,
        log: (line) => result.log.push(line),
        fail(stage, message, line) {
            result.failure = { stage, message, line };
            result.outcome = 'failed';
            return 'done';
        },
        notRun(stage, reason) {
            result.notRun = { stage, reason };
            result.outcome = 'not-run';
            return 'done';
        },
    };
    let current = 'lint';
    try {
        for (const [stage, step] of STAGES) {
            current = stage;
            if ((await step(job, ctx)) === 'done')
                break;
        }
    }
    catch (error) {
        job.fail(current, (0,errors/* messageOf */.bD)(error));
    }
    result.seconds = (performance.now() - started) / 1000;
    return result;
}
async function lintStage(job, ctx) {
    if (!ctx.hadolint) {
        if (!ctx.lintNotRun)
            return 'next';
        job.log(`hadolint: not run: ${ctx.lintNotRun}`);
        job.result.lintNotRun = ctx.lintNotRun;
        // Lint only: nothing else to do here. A build goes on, its lint cell saying "not run".
        return ctx.builder ? 'next' : job.notRun('lint', ctx.lintNotRun);
    }
    const { path, config, threshold, env } = ctx.hadolint;
    const { dockerfile } = job.plan.service;
    const lint = await (0,exec/* run */.eF)(path, hadolintArgs(dockerfile, config), { cwd: ctx.workspace, env });
    job.log(`$ ${lint.shown}`);
    job.result.findings = parseHadolintJson(lint.stdout, dockerfile);
    job.result.lint = countLevels(job.result.findings);
    if (failsThreshold(job.result.findings, threshold)) {
        return job.fail('lint', `hadolint found ${job.result.findings.length} problem(s) at or above "${threshold}" in ${dockerfile}`);
    }
    if (!ctx.builder) {
        job.result.outcome = 'linted';
        return 'done';
    }
    return 'next';
}
/** The registry may already hold this exact build: then it is tagged instead of built. */
async function reuseStage(job, ctx) {
    const { service, image, tags } = job.plan;
    job.digest = await contextDigest((0,external_node_path_.join)(ctx.workspace, service.context), {
        dockerfile: (0,external_node_path_.join)(ctx.workspace, service.dockerfile),
        buildArgs: ctx.buildArgs,
        labels: ctx.labels,
        target: ctx.target,
        platforms: ctx.platforms,
    });
    job.log(`build context digest: ${job.digest}`);
    if (ctx.rebuild)
        return 'next';
    let match;
    try {
        match = await findBuild(ctx.registry, image.repository, [...tags, 'latest'], job.digest);
    }
    catch (error) {
        job.log(`could not look for an earlier build in the registry (${(0,errors/* messageOf */.bD)(error)}); building`);
        return 'next';
    }
    job.previous = match.anyTag;
    if (!match.same)
        return 'next';
    const { tag, manifest } = match.same;
    Object.assign(job.result, { skipped: true, digest: manifest.digest });
    if (!ctx.push) {
        job.log(`${image.ref}:${tag} already holds this build (${manifest.digest}); not building, not pushing`);
        job.result.outcome = 'unchanged';
        return 'done';
    }
    const added = tags.filter((t) => match.pointsAt.get(t) !== manifest.digest);
    for (const t of added)
        await ctx.registry.tag(image.repository, t, manifest);
    job.log(`${image.ref}:${tag} already holds this build (${manifest.digest}); ${added.length ? `added ${added.join(', ')} through the registry API` : 'every tag already points at it'}`);
    Object.assign(job.result, { outcome: 'reused', pushed: true });
    return 'done';
}
async function buildStage(job, ctx) {
    const { service, image, tags, dockerfile } = job.plan;
    const builder = ctx.builder;
    const cache = cacheFlags(builder, { image: image.ref, name: service.name, previous: job.previous, push: ctx.push, rebuild: ctx.rebuild });
    const cacheFrom = builder.kind === 'classic' ? await pullForCache(cache.pull, job, ctx) : cache.cacheFrom;
    const labels = ociLabels(job, ctx);
    // The classic builder makes a step of each --label flag; one LABEL line in a copy costs one step.
    const generated = builder.kind === 'classic' && !ctx.target ? (0,external_node_path_.join)(ctx.tempDir, `${service.name.replace(/\//g, '-')}-${job.digest.slice(0, 12)}.Dockerfile`) : undefined;
    if (generated) {
        await (0,promises_.writeFile)(generated, withLabels(await (0,promises_.readFile)((0,external_node_path_.join)(ctx.workspace, service.dockerfile), 'utf8'), labels));
        job.log(`labels in one LABEL line of a copy of ${service.dockerfile}`);
    }
    const argv = buildArgv({
        context: service.context,
        dockerfile: generated ?? service.dockerfile,
        labelsInDockerfile: Boolean(generated),
        refs: tags.map((t) => `${image.ref}:${t}`),
        labels,
        buildArgs: ctx.buildArgs,
        target: ctx.target,
        platforms: ctx.platforms,
        rebuild: ctx.rebuild,
        cacheFrom,
        cacheTo: cache.cacheTo,
        secrets: ctx.secrets.mounts,
        buildx: builder.kind === 'buildx' ? { builder: builder.name, output: buildxOutput(ctx.push, ctx.platforms) } : undefined,
    });
    try {
        // CPU-bound: at most `parallel` at once. A finished build's push overlaps the next build.
        const build = await ctx.builds(() => (0,exec/* run */.eF)('docker', argv, { cwd: ctx.workspace, env: { ...ctx.dockerEnv, ...ctx.secrets.env } }));
        job.log(`$ ${build.shown}`);
        job.log(build.stdout.trimEnd());
        if (build.code) {
            job.log(withoutBanners(build.stderr).trim());
            const failure = diagnoseBuild({ stdout: build.stdout, stderr: build.stderr, exitCode: build.code, dockerfile, buildArgs: ctx.buildArgs });
            // On a developer's machine without network the base image is simply out of reach: not a broken build.
            if (ctx.localRun && failure.image && (0,local_run/* isUnreachableRegistryMessage */.bp)(`${build.stderr}\n${build.stdout}`)) {
                return job.notRun('build', `could not pull the base image ${failure.image} (its registry cannot be reached from here)`);
            }
            const output = failure.output.length ? `\n${failure.output.join('\n')}` : '';
            return job.fail('build', `${failure.summary}${output}`, failure.line);
        }
    }
    finally {
        if (generated)
            await (0,promises_.rm)(generated, { force: true });
    }
    job.result.outcome = 'built';
    return 'next';
}
/** The classic builder only takes layers from images it has: pull the cache image unless it is there. */
async function pullForCache(refs, job, ctx) {
    const usable = [];
    for (const ref of refs) {
        if ((await (0,exec/* run */.eF)('docker', ['image', 'inspect', '--format', '{{.Id}}', ref], { env: ctx.dockerEnv })).code) {
            const pull = await (0,exec/* run */.eF)('docker', ['pull', '--quiet', ref], { env: ctx.dockerEnv });
            job.log(`$ ${pull.shown}${pull.code ? ' (failed; building without it)' : ''}`);
            if (pull.code)
                continue;
        }
        usable.push(ref);
    }
    return usable;
}
/** One push moves the layers; the other tags are the same manifest, put through the registry API. */
async function pushStage(job, ctx) {
    if (!ctx.push)
        return 'done';
    const { image, tags } = job.plan;
    const first = `${image.ref}:${tags[0]}`;
    const classic = ctx.builder?.kind === 'classic';
    if (classic) {
        const pushed = await (0,exec/* run */.eF)('docker', ['push', first], { env: ctx.dockerEnv });
        job.log(`$ ${pushed.shown}`);
        if (pushed.code)
            return job.fail('push', `docker push ${first} failed (exit ${pushed.code}):\n${(0,exec/* tail */.RT)(pushed.stderr || pushed.stdout)}`);
    }
    const manifest = await ctx.registry.manifest(image.repository, tags[0]);
    if (!manifest)
        return job.fail('push', `${first} is not in the registry after the push`);
    if (classic) {
        for (const t of tags.slice(1))
            await ctx.registry.tag(image.repository, t, manifest);
        if (tags.length > 1)
            job.log(`added ${tags.slice(1).join(', ')} through the registry API`);
    }
    Object.assign(job.result, { pushed: true, digest: manifest.digest });
    return 'done';
}
function ociLabels(job, ctx) {
    const { git } = ctx;
    const labels = {
        'org.opencontainers.image.title': job.plan.service.name,
        'org.opencontainers.image.version': job.plan.service.version ?? (git.sha ? `sha-${git.sha.slice(0, 7)}` : 'dev'),
        'org.opencontainers.image.created': ctx.now.toISOString(),
    };
    if (git.sha)
        labels['org.opencontainers.image.revision'] = git.sha;
    if (git.repositoryUrl) {
        labels['org.opencontainers.image.source'] = git.repositoryUrl;
        labels['org.opencontainers.image.url'] = git.repositoryUrl;
    }
    for (const pair of ctx.labels) {
        const eq = pair.indexOf('=');
        labels[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    labels[CONTEXT_DIGEST_LABEL] = job.digest;
    return labels;
}
/** Looks through candidate tags for an image whose recorded context digest equals `digest`. */
async function findBuild(registry, repository, tags, digest) {
    const match = { pointsAt: new Map() };
    const labelsByManifest = new Map();
    for (const tag of [...new Set(tags)]) {
        const manifest = await registry.manifest(repository, tag);
        if (!manifest)
            continue;
        match.pointsAt.set(tag, manifest.digest);
        match.anyTag ??= tag;
        if (match.same)
            continue;
        let labels = labelsByManifest.get(manifest.digest);
        if (!labels) {
            labels = await registry.labels(repository, manifest);
            labelsByManifest.set(manifest.digest, labels);
        }
        if (labels[CONTEXT_DIGEST_LABEL] === digest)
            match.same = { tag, manifest };
    }
    return match;
}

;// CONCATENATED MODULE: ./actions/build-images/src/plan.ts








function planServices(workspace, inputs, git, now) {
    const services = discoverServices(workspace, inputs.services, inputs['image-names']);
    const imageOf = (s) => imageRef(inputs.registry, inputs.namespace, s.name);
    checkDistinctImages(services, (s) => imageOf(s).ref, inputs['image-names']);
    const plans = services.map((service) => ({
        service,
        image: imageOf(service),
        tags: computeTags(inputs.tags, git, service.version, now),
        dockerfile: parseDockerfile((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(workspace, service.dockerfile), 'utf8')),
    }));
    checkTags(plans, inputs, git);
    if (inputs.target)
        checkTarget(plans, inputs.target);
    return plans;
}
function checkTags(plans, inputs, git) {
    const untagged = plans.filter((p) => !p.tags.length);
    if (!untagged.length)
        return;
    const reasons = untagged.map((p) => `${p.service.service} (${inputs.tags.rules.map((r) => whyNoTag(r, git, p.service.context)).join('; ') || 'no rule'})`);
    const asked = [...inputs.tags.rules, ...inputs.tags.raw.map((t) => `raw:${t}`)].join(', ');
    throw new errors/* UsageError */.eb(`Input "tags" is ${(0,log/* forLog */.Ig)(asked)}, which gives no tag on this ${git.eventName} event to ${reasons.join(', ')}. ` +
        'Add a rule that applies here (e.g. sha), or raw:<tag>.');
}
function checkTarget(plans, target) {
    for (const p of plans) {
        const names = p.dockerfile.stages.map((s) => s.name).filter(Boolean);
        if (!names.includes(target.toLowerCase())) {
            throw new errors/* UsageError */.eb(`Input "target" is ${(0,log/* forLog */.Ig)(target)}, but ${p.service.dockerfile} has no stage of that name (${names.length ? `its stages: ${names.join(', ')}` : 'it names no stage with FROM ... AS <name>'}).`);
        }
    }
}

// EXTERNAL MODULE: ./lib/checks.ts
var checks = __webpack_require__(8937);
// EXTERNAL MODULE: ./lib/summary.ts
var summary = __webpack_require__(1262);
;// CONCATENATED MODULE: ./actions/build-images/src/report.ts






/** What the step tells the workflow and the reader: outputs, the summary table, annotations, SARIF. */
function writeOutputs(results) {
    const images = results.map((r) => ({
        service: r.service,
        context: r.context,
        image: r.image,
        tags: r.tags,
        digest: r.digest,
        pushed: r.pushed,
        skipped: r.skipped,
        outcome: r.outcome,
        lint: r.lint,
    }));
    core/* setOutput */.uH('images', JSON.stringify(images));
    core/* setOutput */.uH('checks', (0,checks/* checksOutput */.Fo)(checkRows(results)));
    core/* setOutput */.uH('matrix', JSON.stringify({ include: results.map((r) => ({ service: r.service, name: r.name, context: r.context, image: r.image })) }));
}
/**
 * The `checks` rows (lib/checks.ts): per service its lint (hadolint, on the Dockerfile) when lint
 * is on, and its build (on the context) when it builds. Lint-only and discover-only runs have no
 * build rows; a service whose lint failed has no build row either (it never started).
 */
function checkRows(results) {
    const rows = [];
    for (const r of results) {
        const lintFailed = r.failure?.stage === 'lint';
        if (r.lint || lintFailed) {
            rows.push({ check: 'hadolint', where: r.dockerfile, result: lintFailed ? 'failed' : 'passed', detail: lintFailed ? r.failure.message : r.lint ? describeCounts(r.lint) : '' });
        }
        else if (r.lintNotRun) {
            rows.push({ check: 'hadolint', where: r.dockerfile, result: 'not-run', detail: r.lintNotRun });
        }
        if (r.outcome === 'linted' || r.outcome === 'planned' || lintFailed || r.notRun?.stage === 'lint')
            continue;
        if (r.notRun)
            rows.push({ check: 'docker build', where: r.context, result: 'not-run', detail: r.notRun.reason });
        else if (r.failure)
            rows.push({ check: 'docker build', where: r.context, result: 'failed', detail: `failed at ${r.failure.stage}: ${r.failure.message.split('\n')[0]}` });
        else
            rows.push({ check: 'docker build', where: r.context, result: 'passed', detail: outcomeCell(r) });
    }
    return rows;
}
function outcomeCell(r) {
    switch (r.outcome) {
        case 'failed':
            return `**failed** at ${r.failure?.stage}`;
        case 'not-run':
            return `not run: ${(0,summary.md)(r.notRun?.reason ?? '')}`;
        case 'reused':
            return 'reused (re-tagged)';
        case 'unchanged':
            return 'unchanged, not rebuilt';
        default:
            return r.outcome;
    }
}
/** The lint cell says "off" when hadolint did not run, so a skipped lint never reads as clean. */
function lintCell(r, lintOn) {
    if (r.lint)
        return describeCounts(r.lint);
    return lintOn ? 'not run' : 'off';
}
function summaryTable(results, push, lintOn) {
    const rows = results.map((r) => [
        (0,summary.md)(r.service),
        (0,summary/* code */.aY)(r.image),
        r.tags.map(summary/* code */.aY).join(', '),
        r.digest ? (0,summary/* code */.aY)(r.digest.slice(0, 19)) : '',
        outcomeCell(r),
        r.pushed ? 'yes' : push ? 'no' : 'no (push off)',
        lintCell(r, lintOn),
        `${r.seconds.toFixed(1)} s`,
    ]);
    return (0,summary/* markdownTable */.Qj)(['service', 'image', 'tags', 'digest', 'result', 'pushed', 'lint', 'time'], rows);
}
async function writeSummary(results, push, lintOn, builder) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const table = summaryTable(results, push, lintOn);
    await core/* summary */.z.addRaw(`### build-images\n\n${table}\n\n${(0,summary.md)(builder)}\n`).write();
}
/** Lint findings on their Dockerfile lines, and one error per failed service (on the failing line). */
function annotations(results) {
    const list = [];
    for (const r of results) {
        for (const f of r.findings) {
            list.push({ level: f.level === 'error' ? 'error' : f.level === 'warning' ? 'warning' : 'notice', message: f.message, file: f.file, line: f.line, column: f.column, title: `hadolint ${f.code}` });
        }
        if (r.failure) {
            list.push({ level: 'error', message: `${r.service}: ${r.failure.message}`, file: r.failure.line ? r.dockerfile : undefined, line: r.failure.line, title: `build-images: ${r.service} failed at ${r.failure.stage}` });
        }
    }
    return list;
}
async function writeSarif(workspace, file, results, hadolintVersion) {
    const path = (0,external_node_path_.join)(workspace, file);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    await (0,promises_.writeFile)(path, JSON.stringify(toSarif(results.flatMap((r) => r.findings), hadolintVersion), null, 2));
}

// EXTERNAL MODULE: ./actions/build-images/src/state.ts
var state = __webpack_require__(3790);
;// CONCATENATED MODULE: ./actions/build-images/src/main.ts
























async function main() {
    const setup = prepare(process.env);
    if (!setup.plans.length) {
        core/* warning */.$e(`No service found: no folder matching ${setup.inputs.services.map(log/* forLog */.Ig).join(', ')} holds a Dockerfile.`);
        writeOutputs([]);
        return;
    }
    if (setup.inputs['discover-only']) {
        const planned = setup.plans.map(plannedResult);
        (0,log/* info */.pq)(planned.map((p) => `${p.service}: ${p.image} (${p.tags.join(', ')})`).join('\n'));
        writeOutputs(planned);
        return;
    }
    const builder = setup.inputs['lint-only'] ? undefined : await pickBuilder(setup);
    const ctx = await startRun(setup, builder);
    const results = await buildAll(setup, ctx);
    await report(setup, ctx, results);
}
/** Every check that needs no docker: inputs, paths, services, image names, tags, credentials. */
function prepare(env) {
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const inputs = getInputs(workspace);
    if (inputs.password)
        core/* setSecret */.Pq(inputs.password);
    const git = (0,git_context/* readGitContext */.e)(env, workspace);
    const now = new Date();
    const push = !inputs['lint-only'] && !inputs['discover-only'] && shouldPush(inputs.push, git.eventName);
    const plans = planServices(workspace, inputs, git, now);
    if (plans.length && push && (!inputs.username || !inputs.password)) {
        const event = inputs.push === 'auto' ? ` and this is a ${git.eventName} event` : '';
        throw new errors/* UsageError */.eb(`Input "push" is ${(0,log/* forLog */.Ig)(inputs.push)}${event}: pushing to ${inputs.registry} needs "username" and "password": pass them from secrets, or set push: false.`);
    }
    return { env, workspace, inputs, git, push, now, plans };
}
/** Which builder builds, from read-only probes: `docker buildx version`, `inspect`, `info`. */
async function pickBuilder(setup) {
    const { inputs, env } = setup;
    const request = {
        builder: inputs.builder,
        builderEnv: env.BUILDX_BUILDER,
        platforms: inputs.platforms,
        cacheFrom: inputs['cache-from'],
        cacheTo: inputs['cache-to'],
        secretIds: inputs.secrets.map((s) => s.id),
    };
    const probeEnv = (0,environment/* dockerEnvironment */.O)(env);
    const facts = { buildkit: env.DOCKER_BUILDKIT };
    if (!buildkitOff(facts.buildkit)) {
        const version = await (0,exec/* run */.eF)('docker', ['buildx', 'version'], { env: probeEnv });
        if (!version.code) {
            facts.buildx = version.stdout.trim();
            const name = builderToInspect(request);
            const inspect = await (0,exec/* run */.eF)('docker', ['buildx', 'inspect', ...(name ? [name] : [])], { env: probeEnv });
            facts.builder = inspect.code ? { error: inspect.stderr || inspect.stdout } : parseInspect(inspect.stdout);
            if ('driver' in facts.builder && facts.builder.driver === 'docker') {
                const store = await (0,exec/* run */.eF)('docker', ['info', '--format', '{{json .DriverStatus}}'], { env: probeEnv });
                facts.containerdStore = store.stdout.includes('io.containerd.snapshotter');
            }
        }
    }
    const plan = chooseBuilder(facts, request);
    checkCacheTag(plan, setup.push, setup.plans.flatMap((p) => p.tags));
    (0,log/* info */.pq)(describeBuilder(plan));
    return plan;
}
/** The side effects begin: hadolint (found or installed), then the login into the step's own config. */
async function startRun(setup, builder) {
    const { inputs, env } = setup;
    const tempDir = env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)();
    const hadolint = inputs.lint ? await findHadolint(inputs) : undefined;
    if (hadolint && 'notRun' in hadolint)
        core/* warning */.$e(`hadolint: not run: ${hadolint.notRun}`);
    const dockerConfig = builder && inputs.username && inputs.password ? await login(inputs, env, tempDir) : undefined;
    const extra = builder ? cacheEnvironment(givenCacheSpecs(builder)) : [];
    return {
        workspace: setup.workspace,
        git: setup.git,
        now: setup.now,
        push: setup.push,
        rebuild: inputs.rebuild,
        labels: inputs.labels,
        buildArgs: inputs['build-args'],
        target: inputs.target,
        platforms: inputs.platforms,
        hadolint: hadolint && 'path' in hadolint ? { path: hadolint.path, config: inputs['hadolint-config'], threshold: inputs['failure-threshold'], env: (0,environment/* hadolintEnvironment */.j)(env) } : undefined,
        lintNotRun: hadolint && 'notRun' in hadolint ? hadolint.notRun : undefined,
        localRun: (0,local_run/* isLocalRun */.fd)(env),
        builder,
        dockerEnv: (0,environment/* dockerEnvironment */.O)(env, { dockerConfig, buildkit: builder?.kind === 'classic' ? '0' : undefined, extra }),
        secrets: secretMounts(inputs.secrets),
        registry: new Registry(inputs.registry, { username: inputs.username, password: inputs.password }),
        tempDir,
        builds: pLimit(inputs.parallel),
    };
}
/** `docker login` into a DOCKER_CONFIG of the step's own, which the post step deletes. */
async function login(inputs, env, tempDir) {
    const config = await createStepConfig(tempDir, env, inputs.registry);
    core/* saveState */.LZ(state/* STATE_DOCKER_CONFIG */.i, config.dir);
    core/* saveState */.LZ(state/* STATE_REGISTRY */.o, inputs.registry);
    const result = await (0,exec/* run */.eF)('docker', loginArgv(inputs.registry, inputs.username), {
        env: (0,environment/* dockerEnvironment */.O)(env, { dockerConfig: config.dir }),
        input: inputs.password,
    });
    if (result.code) {
        throw new errors/* ToolError */.v4(`docker login to ${inputs.registry} as ${(0,log/* forLog */.Ig)(inputs.username)} failed: ${(0,exec/* tail */.RT)(result.stderr || result.stdout, 3)}. Check the "username" and "password" secrets.`);
    }
    const kept = config.linked.length ? `; the runner's ${config.linked.join(', ')} stay visible through it` : '';
    (0,log/* info */.pq)(`Logged in to ${inputs.registry} as ${(0,log/* nameForLog */.jd)(inputs.username)}, in a docker config of this step's own${kept}.`);
    return config.dir;
}
/**
 * hadolint from PATH, unless a version is asked for (or none is there): then the pinned one is
 * installed. In a local run (lib/local-run.ts) one that cannot be had is no failure: the lint is
 * reported "not run" with the reason.
 */
async function findHadolint(inputs) {
    const requested = inputs['hadolint-version'];
    const onPath = requested ? undefined : (0,which/* findOnPath */.a)('hadolint');
    if (onPath)
        return { path: onPath };
    const spec = requested ?? { kind: 'exact', version: tools/* TOOLS */.It.hadolint.defaultVersion };
    const settings = {
        tools: ['hadolint'],
        mirrors: inputs.mirrors,
        githubToken: process.env.GITHUB_TOKEN ?? '',
        githubApiUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
    };
    if ((0,local_run/* isLocalRun */.fd)()) {
        // setup-tools of this job already tried, and said why it could not.
        const told = (0,local_run/* unavailableTools */.uw)().hadolint;
        if (told && !requested)
            return { notRun: told };
        const { describeOnPath, installLocally } = await __webpack_require__.e(/* import() */ 446).then(__webpack_require__.bind(__webpack_require__, 1065));
        const fast = await (0,context/* installContext */.R)({ ...settings, retryDelays: [] });
        const local = await installLocally(tools/* TOOLS */.It.hadolint, spec, { fast, full: await (0,context/* installContext */.R)(settings), preferInstalled: (0,local_run/* prefersInstalled */.O$)(), env: process.env });
        if (local.kind === 'unavailable')
            return { notRun: local.reason };
        if (local.kind === 'on-path') {
            (0,log/* info */.pq)(describeOnPath(local.found));
            return { path: local.found.path };
        }
        return { path: reportInstalled(local.installed) };
    }
    return { path: reportInstalled(await (0,install/* install */.ai)(tools/* TOOLS */.It.hadolint, spec, await (0,context/* installContext */.R)(settings))) };
}
function reportInstalled(installed) {
    (0,log/* info */.pq)(`hadolint ${installed.version} ${installed.fromCache ? 'from the tool cache' : `installed from ${installed.source}`} (${installed.verifiedBy})`);
    return installed.path;
}
async function buildAll(setup, ctx) {
    const mode = ctx.builder ? `push: ${setup.push}` : 'lint only';
    (0,log/* info */.pq)(`${setup.plans.length} service(s): ${setup.plans.map((p) => `${p.service.service} -> ${p.image.ref}`).join(', ')}; ${mode}`);
    return Promise.all(setup.plans.map(async (plan) => {
        const result = await processService(plan, ctx);
        core/* startGroup */.Oh(`${result.service}: ${result.outcome}${result.failure ? ` at ${result.failure.stage}` : ''} (${result.seconds.toFixed(1)} s)`);
        (0,log/* info */.pq)(result.log.filter(Boolean).join('\n'));
        core/* endGroup */.N4();
        return result;
    }));
}
/** Outputs and summary first, so nothing after them (SARIF, the failure) can lose them. */
async function report(setup, ctx, results) {
    writeOutputs(results);
    await writeSummary(results, setup.push, setup.inputs.lint, ctx.builder ? describeBuilder(ctx.builder) : 'Lint only.');
    (0,annotate/* annotate */.f)(annotations(results));
    const sarif = setup.inputs['sarif-file'];
    if (sarif && ctx.hadolint) {
        try {
            await writeSarif(setup.workspace, sarif, results, await hadolintVersion(ctx.hadolint.path, ctx.hadolint.env));
        }
        catch (error) {
            throw new errors/* ToolError */.v4(`Could not write "sarif-file" ${(0,log/* forLog */.Ig)(sarif)}: ${(0,errors/* messageOf */.bD)(error)}`);
        }
    }
    const notRun = results.filter((r) => r.outcome === 'not-run');
    if (notRun.length)
        core/* warning */.$e(`${notRun.length} of ${results.length} services not checked on this machine: ${notRun.map((r) => `${r.service} (${r.notRun?.reason})`).join('; ')}`);
    const failed = results.filter((r) => r.outcome === 'failed');
    if (failed.length) {
        throw new errors/* ToolError */.v4(`${failed.length} of ${results.length} services failed: ${failed.map((r) => `${r.service} (${r.failure?.stage})`).join(', ')}.`);
    }
}
/** hadolint's version for the SARIF file, asked with the same bounded probe the installer uses. */
async function hadolintVersion(path, env) {
    const out = await (0,probe/* askVersion */.qN)(path, ['--version'], { env }).catch(() => '');
    return /(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? '';
}


/***/ }),

/***/ 3790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ STATE_DOCKER_CONFIG),
/* harmony export */   o: () => (/* binding */ STATE_REGISTRY)
/* harmony export */ });
/** Names of the values main saves for the post step (GITHUB_STATE). */
const STATE_DOCKER_CONFIG = 'docker-config';
const STATE_REGISTRY = 'registry';


/***/ }),

/***/ 6484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ annotate)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);

/** The one place annotations are written. @actions/core escapes message and properties. */
function annotate(annotations) {
    for (const a of annotations) {
        const props = { title: a.title, file: a.file, startLine: a.line, startColumn: a.column };
        if (a.level === 'error')
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(a.message, props);
        else if (a.level === 'warning')
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(a.message, props);
        else
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(a.message, props);
    }
}


/***/ }),

/***/ 8937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fo: () => (/* binding */ checksOutput)
/* harmony export */ });
/* unused harmony exports CHECK_RESULTS, parseChecks */
/**
 * The `checks` output of deploy-stage and build-images: one JSON row per check and place, the same
 * rows as the step summary's table, for a later step (or the shipkit CLI) to read. `not-run` only
 * happens in local runs (lib/local-run.ts): a check whose tool or base image could not be had.
 */
const CHECK_RESULTS = (/* unused pure expression or super */ null && (['passed', 'failed', 'not-run', 'skipped']));
/** The output's value: `core.setOutput('checks', checksOutput(rows))`. */
function checksOutput(rows) {
    return JSON.stringify(rows);
}
/** Reads a `checks` output; anything that is not a list of rows gives no rows. */
function parseChecks(text) {
    if (!text)
        return [];
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return [];
    }
    if (!Array.isArray(parsed))
        return [];
    return parsed.flatMap((item) => {
        const row = item;
        if (!row || typeof row.check !== 'string' || !CHECK_RESULTS.includes(row.result))
            return [];
        return [{ check: row.check, where: typeof row.where === 'string' ? row.where : '', result: row.result, detail: typeof row.detail === 'string' ? row.detail : '' }];
    });
}


/***/ }),

/***/ 3361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RT: () => (/* binding */ tail),
/* harmony export */   eF: () => (/* binding */ run)
/* harmony export */ });
/* unused harmony exports quote, commandLine */
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1260);

/** Quotes one argument for display the way a POSIX shell would need it. */
function quote(arg) {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
function commandLine(command, args) {
    return [command, ...args].map(quote).join(' ');
}
/**
 * The kit's one seam to child processes: no shell ever sees an argument, output is captured (so
 * parallel work can print it grouped), and a non-zero exit is returned, not thrown.
 */
async function run(command, args, options = {}) {
    const shown = commandLine(command, args);
    const result = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)(command, [...args], {
        cwd: options.cwd,
        env: options.env,
        input: options.input === undefined ? undefined : Buffer.from(options.input),
        silent: true,
        ignoreReturnCode: true,
    });
    return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr, shown };
}
/** The last lines of a tool's output, for an error message that fits in an annotation. */
function tail(text, lines = 12) {
    return text.trimEnd().split('\n').slice(-lines).join('\n');
}


/***/ }),

/***/ 2816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ readGitContext),
/* harmony export */   r: () => (/* binding */ isPullRequest)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);


/** The one answer to "is this run about a pull request": its code is not reviewed yet. */
function isPullRequest(eventName) {
    return eventName === 'pull_request' || eventName === 'pull_request_target';
}
function git(cwd, args) {
    try {
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
    }
    catch {
        return undefined;
    }
}
function readGitContext(env = process.env, workspace = env.GITHUB_WORKSPACE ?? process.cwd()) {
    let event = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            event = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        }
        catch {
            event = {};
        }
    }
    const eventName = env.GITHUB_EVENT_NAME ?? 'workflow_dispatch';
    const onGitHub = Boolean(env.GITHUB_SHA);
    const ref = env.GITHUB_REF ?? (onGitHub ? '' : localRef(workspace));
    const isPr = isPullRequest(eventName);
    const sha = (isPr ? event.pull_request?.head?.sha : undefined) ?? env.GITHUB_SHA ?? git(workspace, ['rev-parse', 'HEAD']) ?? '';
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    return {
        eventName,
        ref,
        sha,
        branch: isPr ? event.pull_request?.head?.ref ?? env.GITHUB_HEAD_REF : ref.startsWith('refs/heads/') ? ref.slice(11) : undefined,
        tag: ref.startsWith('refs/tags/') ? ref.slice(10) : undefined,
        prNumber: isPr ? event.pull_request?.number : undefined,
        defaultBranch: event.repository?.default_branch ?? (onGitHub ? undefined : localDefaultBranch(workspace)),
        repositoryUrl: event.repository?.html_url ?? (env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined),
    };
}
function localRef(workspace) {
    const branch = git(workspace, ['symbolic-ref', '-q', 'HEAD']);
    return branch ?? '';
}
function localDefaultBranch(workspace) {
    const remoteHead = git(workspace, ['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD']);
    return remoteHead?.replace(/^origin\//, '');
}


/***/ }),

/***/ 6966:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ globDirs),
/* harmony export */   CJ: () => (/* binding */ globFiles),
/* harmony export */   I4: () => (/* binding */ findDirs)
/* harmony export */ });
/* unused harmony export glob */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(634);



function segmentRegex(segment) {
    const body = segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
    return new RegExp(`^${body}$`);
}
/** What `path` is; a symlink counts only when it points inside `root` (after every link). */
function kindOf(root, path) {
    try {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path).isSymbolicLink() && !(0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(root, path))
            return undefined;
        const s = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path);
        return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
    }
    catch {
        return undefined;
    }
}
/** The folder's real path, by which a walk knows a folder it has already been in. */
function realDir(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(path);
    }
    catch {
        return undefined;
    }
}
function isLink(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path).isSymbolicLink();
    }
    catch {
        return false;
    }
}
/** Folders a wildcard never enters: hidden ones (.git, .terraform), node_modules. */
function skipped(name) {
    return name.startsWith('.') || name === 'node_modules';
}
/**
 * Paths under `root` matching a slash-separated pattern: `*` and `?` within a segment, `**` for
 * any depth. Sorted, relative, with forward slashes. Nothing outside `root` is ever returned: not
 * through `..`, not through a symlink (check the pattern itself with `checkPattern` to say why).
 */
function glob(root, pattern, kind) {
    const segments = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(pattern.replace(/\\/g, '/')).replace(/^\.\/|\/$/g, '').split('/').filter(Boolean);
    if (segments.includes('..'))
        return [];
    const found = new Set();
    // `**` enters each real folder once (per place in the pattern): a link back up cannot loop, and
    // links between folders cannot multiply the walk. Links are followed after the tree itself, so a
    // folder is found by its own path when it has one.
    const entered = new Set();
    const links = [];
    const walk = (rel, i) => {
        if (i === segments.length) {
            if (kindOf(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel)) === kind && (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel)))
                found.add(rel || '.');
            return;
        }
        const segment = segments[i];
        if (!/[*?]/.test(segment)) {
            walk(rel ? `${rel}/${segment}` : segment, i + 1);
            return;
        }
        let entries;
        try {
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel));
        }
        catch {
            return;
        }
        const last = i === segments.length - 1;
        if (segment === '**') {
            const real = realDir((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel));
            if (!real || entered.has(`${i}\0${real}`))
                return;
            entered.add(`${i}\0${real}`);
            walk(rel, i + 1);
            for (const e of entries) {
                if (skipped(e) || kindOf(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel, e)) !== 'dir')
                    continue;
                const child = rel ? `${rel}/${e}` : e;
                if (isLink((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, child)))
                    links.push([child, i]);
                else
                    walk(child, i);
            }
            return;
        }
        const re = segmentRegex(segment);
        for (const e of entries) {
            if (skipped(e) || !re.test(e))
                continue;
            const k = kindOf(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel, e));
            if (k === 'dir' || (last && k === kind))
                walk(rel ? `${rel}/${e}` : e, i + 1);
        }
    };
    walk('', 0);
    for (let next = links.shift(); next; next = links.shift())
        walk(...next);
    return [...found].sort();
}
function globDirs(root, pattern) {
    return glob(root, pattern, 'dir');
}
function globFiles(root, pattern) {
    return glob(root, pattern, 'file');
}
/**
 * Every folder under `root` (itself included) for which `accept` says yes; wildcard rules apply.
 * Each real folder is visited once, by its own path when it has one (links are followed after the
 * tree itself), so neither a link back up (`x -> .`) nor links between folders can loop or repeat.
 */
function findDirs(root, accept) {
    const found = [];
    const visited = new Set();
    const links = [];
    const walk = (rel) => {
        const real = realDir((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel));
        if (!real || visited.has(real))
            return;
        visited.add(real);
        const entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel));
        if (accept(rel || '.', entries))
            found.push(rel || '.');
        for (const e of entries) {
            if (skipped(e) || kindOf(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel, e)) !== 'dir')
                continue;
            const child = rel ? `${rel}/${e}` : e;
            if (isLink((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, child)))
                links.push(child);
            else
                walk(child);
        }
    };
    walk('');
    for (let next = links.shift(); next !== undefined; next = links.shift())
        walk(next);
    return found.sort();
}


/***/ }),

/***/ 1144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ ProbeFailure),
/* harmony export */   MV: () => (/* binding */ probeEnv),
/* harmony export */   qN: () => (/* binding */ askVersion)
/* harmony export */ });
/* unused harmony export runBounded */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _toolcache_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7926);



const TIMEOUT_MS = 30_000;
/** A version line is short; what a program prints beyond this is dropped, not buffered. */
const MAX_OUTPUT = 64 * 1024;
/** After the program exits, how long its pipes may stay open (held by a child that left its group). */
const CLOSE_GRACE_MS = 500;
const POSIX = process.platform !== 'win32';
/**
 * The environment a probe runs with: the basics only. None of the step's inputs (the GitHub token
 * is one), runner tokens or other secrets; no call home.
 */
function probeEnv(env = process.env) {
    const clean = { CHECKPOINT_DISABLE: '1', TFLINT_DISABLE_VERSION_CHECK: '1' };
    for (const key of ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'SYSTEMROOT', 'LANG', 'LC_ALL']) {
        const value = env[key]; // case-insensitive on Windows
        if (value !== undefined)
            clean[key] = value;
    }
    return clean;
}
/**
 * Ends the program and everything it started in its process group (its own, see runBounded). On
 * Windows, where there are no process groups, taskkill ends the tree.
 */
function killGroup(child) {
    if (child.pid === undefined)
        return;
    try {
        if (POSIX)
            process.kill(-child.pid, 'SIGKILL');
        else
            (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    }
    catch {
        // ESRCH: nothing of it is left
    }
}
/**
 * Runs a program in a process group of its own and settles within the timeout (plus a short grace
 * for its pipes): on the deadline, on a cancelled step, and once the program has exited, whatever
 * is left of its group is killed, and pipes still held open by something outside it are closed
 * from this side. Rejects only when the program cannot be started (ENOENT, EACCES, ETXTBSY).
 */
function runBounded(file, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, [...args], { env: options.env ?? probeEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: POSIX, windowsHide: true });
        const result = { stdout: '', stderr: '', code: null, signal: null, timedOut: false };
        const forget = (0,_toolcache_js__WEBPACK_IMPORTED_MODULE_2__/* .onCancel */ .Ao)(() => killGroup(child));
        let grace;
        let settled = false;
        const settle = (error) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(deadline);
            clearTimeout(grace);
            forget();
            // Something that left the group may still hold the pipes: they are closed from this side.
            child.stdout?.destroy();
            child.stderr?.destroy();
            if (error)
                reject(error);
            else
                resolve(result);
        };
        const deadline = setTimeout(() => {
            result.timedOut = true;
            killGroup(child);
            settle();
        }, options.timeoutMs ?? TIMEOUT_MS);
        for (const stream of ['stdout', 'stderr']) {
            child[stream]?.setEncoding('utf8');
            child[stream]?.on('data', (chunk) => {
                if (result[stream].length < MAX_OUTPUT)
                    result[stream] += chunk.slice(0, MAX_OUTPUT - result[stream].length);
            });
        }
        child.on('error', (error) => settle(error));
        child.on('exit', (code, signal) => {
            result.code = code;
            result.signal = signal;
            // What it started is no part of a version answer.
            killGroup(child);
            grace = setTimeout(() => settle(), CLOSE_GRACE_MS);
        });
        child.on('close', () => settle());
    });
}
/** A version command that did not answer cleanly; `stderr` holds what it printed there, if anything. */
class ProbeFailure extends Error {
    stderr;
    name = 'ProbeFailure';
    constructor(message, stderr) {
        super(message);
        this.stderr = stderr;
    }
}
/**
 * The program's answer to its version command: what it printed (stdout, else stderr) on a clean
 * exit. While tools are installed in parallel, a child forked for one probe briefly holds the write
 * descriptor of another binary being written, and exec of that binary then fails with ETXTBSY
 * ("text file busy"): that is retried, it clears within moments.
 */
async function askVersion(binaryPath, args, options = {}) {
    for (let attempt = 1;; attempt++) {
        let result;
        try {
            result = await runBounded(binaryPath, args, options);
        }
        catch (error) {
            if (error.code !== 'ETXTBSY' || attempt >= 10)
                throw error;
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_1__.setTimeout)(20 * attempt);
            continue;
        }
        const { stdout, stderr, code, signal, timedOut } = result;
        if (timedOut) {
            const seconds = (options.timeoutMs ?? TIMEOUT_MS) / 1000;
            throw new ProbeFailure(`it did not answer within ${seconds} s; it and every process it started were killed`, '');
        }
        if (code !== 0)
            throw new ProbeFailure(signal ? `it was ended by ${signal}` : `it exited with code ${code}`, stderr);
        return stdout || stderr;
    }
}


/***/ }),

/***/ 431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ findOnPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The first executable called `name` on PATH (with Windows' extensions), or undefined. */
function findOnPath(name, path = process.env.PATH ?? '') {
    const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
    for (const dir of path.split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
        if (!dir)
            continue;
        for (const ext of exts) {
            const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name + ext);
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(candidate, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
                return candidate;
            }
            catch {
                // keep looking
            }
        }
    }
    return undefined;
}


/***/ })

};
