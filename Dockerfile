# One image for every tradegraph process: each compose service picks its entry point.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Migrations (SQL) and the committed supergraph are read at run time.
COPY --from=build /app/subgraphs ./subgraphs
COPY --from=build /app/schema ./schema
USER node
CMD ["node", "dist/gateway/main.js"]
