# The Doorway service (server/) as a container image. Build from the repository root:
#   docker build -t doorway-service .
# Stage 1 bundles server/index.ts (and the common/ code it imports) into one ESM file with esbuild;
# stage 2 is the Node LTS slim image with that file only: no node_modules, no sources, no build
# tools, running as the image's unprivileged `node` user.
ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
# Scripts are skipped: the service needs none, and Electron's would try to download a binary.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild esbuild
COPY tsconfig.json ./
COPY common ./common
COPY server ./server
RUN npm run bundle:service

FROM ${NODE_IMAGE}
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 METRICS_PORT=9464
WORKDIR /srv
COPY --from=build --chown=root:root /src/dist/service/index.mjs ./index.mjs
USER node
EXPOSE 8080 9464
# node as PID 1 (no shell wrapper), so SIGTERM reaches the service and starts its drain.
CMD ["node", "index.mjs"]
