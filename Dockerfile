# kafkalint in a container: the fully static release binary (the one the .deb ships) on an empty
# image, about as small as the binary itself. Build: `docker build -t kafkalint .`
# Run: `docker run --rm -v "$PWD:/src" kafkalint check --to 3.9 .`  (the working folder is /src,
# as pre-commit's docker_image hooks mount it).
FROM debian:bookworm AS build
WORKDIR /kafkalint
COPY . .
RUN bash tools/setup-debian.sh \
 && cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DKAFKALINT_STATIC=ON -DKAFKALINT_TESTS=OFF \
 && cmake --build /build -j"$(nproc)" --target kafkalint \
 && strip /build/kafkalint \
 && /build/kafkalint --version

# Static: no libc, no libstdc++, nothing else is needed at run time (tools/test-package.sh
# runs the same binary in an empty root).
FROM scratch
COPY --from=build /build/kafkalint /usr/local/bin/kafkalint
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/kafkalint"]
CMD ["--help"]
