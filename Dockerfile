# syntax=docker/dockerfile:1
# Sociale Balans: one container, one SQLite file in the /data volume; one Node process per CPU (WEB_PROCESSES, see README).

FROM node:24-bookworm-slim AS build
WORKDIR /app
# python3/make/g++ only in the build stage, for better-sqlite3 when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY views ./views
COPY migrations ./migrations
COPY public ./public
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_PATH=/data/sociale-balans.sqlite
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/public ./public
# Data files read at run time (common-password list, default catalogue) live under src/.
COPY --from=build --chown=node:node /app/src ./src
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Node receives SIGTERM directly (exec form) and passes it to its serving processes, so shutdown
# finishes requests and closes the database.
CMD ["node", "--enable-source-maps", "dist/src/server.js"]
