# graph-mock image: compiled JavaScript on Node 20, production dependencies only, run as `node`.
#
#   docker build -t graph-mock .
#   docker run --rm --init -p 4010:4010 -v graph-mock-data:/data graph-mock
#
# Three stages, all on node:20-bookworm-slim: `deps` compiles the production node_modules (the
# better-sqlite3 native addon), `build` compiles TypeScript, the final stage copies both results.

# ---- deps: production node_modules, with better-sqlite3 compiled for this very Node -----------------
FROM node:20-bookworm-slim AS deps
# better-sqlite3's install script is `prebuild-install || node-gyp rebuild --release`. Where its
# prebuilt binary can be downloaded (from its GitHub releases) no compiler is needed; where it cannot
# (a network that reaches only the npm registry and Debian's mirror) node-gyp builds it from source,
# which needs python3, make and g++ (Debian's, in this stage only) and Node's own C++ headers.
# The official node image carries the headers in /usr/local/include/node; an image without them gets
# the same version's headers from the `node-linux-<arch>` package on the npm registry (the full Node
# distribution), because node-gyp would otherwise download them from nodejs.org.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
RUN set -eu; \
    if [ -f /usr/local/include/node/node.h ]; then \
      ln -s /usr/local /opt/node-headers; \
    else \
      v="$(node -p process.versions.node)"; a="$(node -p process.arch)"; \
      cd /tmp && npm pack --silent "node-linux-$a@$v" >/dev/null; \
      mkdir -p /opt/node-headers; \
      tar -xzf "node-linux-$a-$v.tgz" -C /opt/node-headers --strip-components=1 package/include; \
      rm "node-linux-$a-$v.tgz"; \
    fi; \
    test -f /opt/node-headers/include/node/node.h
ENV npm_config_nodedir=/opt/node-headers
WORKDIR /app
COPY package.json package-lock.json ./
# npm 11 checks dependencies' install scripts against the project's `allowScripts`, where better-sqlite3
# is listed (so no warning, and no failure where `strict-allow-scripts` is set). The addon is loaded once
# here so that a broken build fails the image build, not the first start.
# Only the compiled addon is kept of its build tree (sources and objects are ~27 MB).
ENV JOBS=max
RUN npm ci --omit=dev --no-audit --no-fund \
 && cd node_modules/better-sqlite3 \
 && mv build/Release/better_sqlite3.node /tmp/ && rm -rf build deps src \
 && mkdir -p build/Release && mv /tmp/better_sqlite3.node build/Release/ \
 && cd /app && node -e "new (require('better-sqlite3'))(':memory:').close()" \
 && npm cache clean --force

# ---- build: TypeScript to dist/ (dev dependencies; no install scripts needed to compile) ---------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- the image ---------------------------------------------------------------------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4010 \
    GRAPH_MOCK_DB=/data/graph-mock.db \
    GRAPH_MOCK_FIXTURES=/app/fixtures
WORKDIR /app
# Code and fixtures belong to root and are read-only for the server; only /data is its own.
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The inspector's page, script and styles, served as they are (no build step; only this stage needs them).
COPY public ./public
# The bundled fixtures; mount a folder over /app/fixtures (read-only is fine) to start from your own.
# Fixtures seed a new database only: an existing /data/graph-mock.db keeps its state.
COPY fixtures ./fixtures
# /data holds the database; /tls is where GRAPH_MOCK_TLS_CERT_OUT can put the generated certificate for other
# containers (a named volume mounted there starts owned by `node`, as the folder is).
RUN mkdir -p /data /tls && chown node:node /data /tls
VOLUME /data
USER node
EXPOSE 4010
# No curl in the image: dist/ready-check.js asks /_mock/ready (200 once migrations ran and fixtures loaded), over
# https when GRAPH_MOCK_TLS says so, else http, each falling back to the other.
# The engine runs the first check one interval after start, so the interval bounds start-to-healthy;
# each check starts a Node process (~0.1 s of CPU), so a long-running container checks every 5 s.
# (`--start-interval` would give both, but engines before 25.0 reject the flag.) Compose files can
# shorten it; docker-compose.yml does, for test set-ups where start latency matters.
HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "dist/ready-check.js"]
# Run with an init process (`docker run --init`, compose `init: true`) so SIGTERM reaches the server,
# which finishes in-flight requests, closes the database and exits 0.
CMD ["node", "dist/graph-mock.js"]
