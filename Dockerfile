# The Apify actor image (DOMAIN.md 3.11): build with the Swift toolchain, run on a slim Debian.
FROM swift:6.3-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libxml2-dev libcurl4-openssl-dev libsqlite3-dev zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN swift build -c release --static-swift-stdlib --product insider-clusters

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libcurl4 libxml2 libsqlite3-0 zlib1g tzdata \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/.build/release/insider-clusters /app/actor
COPY .actor .actor
COPY input_schema.json .
# On the platform (APIFY_IS_AT_HOME=1) the input, dataset and charges go through the Apify API;
# ./storage in the container holds only this container's working state.
CMD ["/app/actor", "run"]
