# lakelint: a small, non-root image with only the binary.
FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin lakelint

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --create-home lakelint
COPY --from=build /src/target/release/lakelint /usr/local/bin/lakelint
USER lakelint
WORKDIR /home/lakelint
ENTRYPOINT ["lakelint"]
CMD ["--help"]
