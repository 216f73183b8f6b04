# Production-like image of the hub (see docker-compose.yml).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --home /app hub && mkdir -p /app/data && chown hub /app/data
COPY --from=build /src/target/groupcare-hub-*.jar app.jar
COPY routes routes
COPY mappings mappings
USER hub
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "app.jar"]
