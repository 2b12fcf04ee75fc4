# One image for the journey-lab CLI and the team server (`journey-lab serve`, docs/server.md): Node LTS,
# slim, production dependencies only, run as the unprivileged `node` user. The CLI runs its TypeScript
# sources through tsx (a production dependency), so the sources are copied as they are; the app the
# server serves is built with vite in a stage of its own, and only its output (dist/) is copied over.
#   docker build -t journey-lab .
#   docker run --rm journey-lab templates
#   docker run --rm -p 8787:8787 -v journey-lab-data:/data journey-lab serve --host 0.0.0.0 --data /data

# The app's build: every dependency (vite is a development one), then `vite build`.
FROM node:20-slim AS app
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY index.html vite.config.ts tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN npx vite build --logLevel warn

FROM node:20-slim

ENV NODE_ENV=production
WORKDIR /app

# Dependencies first, so a change to the sources does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY --from=app /build/dist ./dist
RUN ln -s /app/bin/journey-lab.mjs /usr/local/bin/journey-lab && mkdir /data && chown node:node /data

# tsx keeps its transform cache under the user's temporary directory, writable by `node`.
USER node
# The team server's port, and where it keeps an embedded (PGlite) workspace.
EXPOSE 8787
VOLUME /data
ENTRYPOINT ["journey-lab"]
CMD ["--help"]
