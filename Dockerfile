# One image for the journey-lab CLI (and later the team server): Node LTS, slim, production
# dependencies only, run as the unprivileged `node` user. The CLI runs its TypeScript sources through
# tsx (a production dependency), so there is no build step: the sources are copied as they are.
#   docker build -t journey-lab .
#   docker run --rm journey-lab templates
FROM node:20-slim

ENV NODE_ENV=production
WORKDIR /app

# Dependencies first, so a change to the sources does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
RUN ln -s /app/bin/journey-lab.mjs /usr/local/bin/journey-lab

# tsx keeps its transform cache under the user's temporary directory, writable by `node`.
USER node
ENTRYPOINT ["journey-lab"]
CMD ["--help"]
