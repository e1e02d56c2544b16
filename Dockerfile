# The app image used by docker-compose.yml: builds the API and the web console, then serves both.
FROM node:20-bookworm-slim
WORKDIR /app
ENV SCARF_ANALYTICS=false
COPY . .
RUN npm install && npm run build
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["node", "api/dist/api/src/main.js"]
