# The Policy Radar image: the policy-radar launcher jar and the seed news. One image for every service of
# docker-compose.yml; the subcommand is the container's command, e.g.
#   docker run --rm policy-radar:local streams --bootstrap-servers kafka:29092 --schema-registry http://schema-registry:8081
# JVM options go in JAVA_TOOL_OPTIONS (the entrypoint is a plain `java -jar`).

# --- stage 1: build the shaded jar -------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY . .
RUN mvn -B -q -DskipTests package

# --- stage 2: run it -----------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# a fixed, non-root uid/gid, so that volume permissions and runAsNonRoot checks are predictable
RUN groupadd --system --gid 10001 policyradar \
    && useradd --system --uid 10001 --gid policyradar --home-dir /var/lib/policy-radar --shell /usr/sbin/nologin policyradar \
    && mkdir -p /var/lib/policy-radar/state \
    && chown -R policyradar:policyradar /var/lib/policy-radar

COPY --from=build /build/app/target/policy-radar.jar /opt/policy-radar/policy-radar.jar
# `produce` reads files: the seed the jar bundles is also here, for the one-shot producer
COPY app/src/main/resources/seed/seed-news.txt /opt/policy-radar/seed/seed-news.txt

USER 10001:10001
WORKDIR /var/lib/policy-radar

ENTRYPOINT ["java", "-jar", "/opt/policy-radar/policy-radar.jar"]
CMD ["--help"]
