#!/usr/bin/env bash
# Starts and stops the single-node Kafka broker (KRaft, combined broker + controller, on 127.0.0.1) that
# the integration tests (*IT) run against. Maven calls it in pre-integration-test and post-integration-test
# (see pom.xml), so `./mvnw verify` needs nothing installed but a JDK: the broker runs from the jars of
# .ci/kafka/pom.xml, copied once to .ci/work/kafka/lib.
#
#   .ci/kafka.sh start [port]   formats a fresh data directory and starts the broker; returns once the port answers
#   .ci/kafka.sh stop           stops it (and a broker left over by an interrupted run)
#
# Data and logs go to target/kafka (fresh at every start). A watchdog stops the broker if the process that
# started it (Maven) dies without calling stop, so an interrupted build leaves no broker behind.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${2:-${SIGNET_TEST_KAFKA_PORT:-19092}}"
CONTROLLER_PORT=$((PORT + 1))
LIB=.ci/work/kafka/lib
RUN=target/kafka
PID_FILE=.ci/work/kafka/broker.pid
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/java}"
JAVA="${JAVA:-java}"

port_answers() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_broker() {
    if [[ -f "$PID_FILE" ]]; then
        local pid
        pid="$(cat "$PID_FILE")"
        if kill -0 "$pid" 2>/dev/null; then
            echo "kafka: stopping broker (pid $pid)"
            kill "$pid"
            for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
            if kill -0 "$pid" 2>/dev/null; then
                echo "kafka: broker did not stop in 15 s; killing it"
                kill -9 "$pid"
            fi
        fi
        rm -f "$PID_FILE"
    fi
}

fetch_jars() {
    if [[ ! -f "$LIB/kafka_2.13-4.1.0.jar" ]]; then
        echo "kafka: copying the broker's jars to $LIB"
        mkdir -p "$LIB"
        ./mvnw -B -q -f .ci/kafka/pom.xml dependency:copy-dependencies -DincludeScope=runtime \
            -DoutputDirectory="$PWD/$LIB"
    fi
}

write_config() {
    mkdir -p "$RUN"
    cat > "$RUN/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$PWD/$RUN/data
# Three partitions, so that the tests see keyed ordering across partitions, as in production.
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# A test consumer group should start at once, not wait for more members.
group.initial.rebalance.delay.ms=0
EOF
    cat > "$RUN/log4j.properties" <<EOF
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$PWD/$RUN/broker.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

start_broker() {
    stop_broker
    if port_answers "$PORT" || port_answers "$CONTROLLER_PORT"; then
        echo "kafka: port $PORT or $CONTROLLER_PORT is taken by another process; pass another port" >&2
        exit 1
    fi
    fetch_jars
    rm -rf "$RUN"
    write_config
    local cp="$LIB/*"
    local log4j="-Dlog4j.configuration=file:$PWD/$RUN/log4j.properties"
    local cluster_id
    cluster_id="$("$JAVA" "$log4j" -cp "$cp" kafka.tools.StorageTool random-uuid | tail -n 1)"
    "$JAVA" "$log4j" -cp "$cp" kafka.tools.StorageTool format --standalone -t "$cluster_id" \
        -c "$RUN/server.properties" > "$RUN/format.log" 2>&1 \
        || { cat "$RUN/format.log" >&2; exit 1; }

    # Output to files and stdin from /dev/null: Maven waits for this script's streams to close.
    nohup "$JAVA" -Xmx512m -Xms128m "$log4j" -cp "$cp" kafka.Kafka "$RUN/server.properties" \
        > "$RUN/stdout.log" 2>&1 < /dev/null &
    local pid=$!
    echo "$pid" > "$PID_FILE"
    start_watchdog "$pid" "$PPID"

    for _ in $(seq 1 120); do
        if port_answers "$PORT"; then
            echo "kafka: broker ready on 127.0.0.1:$PORT in ${SECONDS} s (pid $pid, logs in $RUN)"
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "kafka: broker exited during start" >&2
            tail -n 40 "$RUN/stdout.log" "$RUN/broker.log" >&2 || true
            rm -f "$PID_FILE"
            exit 1
        fi
        sleep 0.5
    done
    echo "kafka: broker not ready after 60 s" >&2
    stop_broker
    exit 1
}

# Stops the broker once the process that started this script is gone (Maven killed, or a crash before
# post-integration-test). A normal stop ends the broker first, and the watchdog then ends by itself.
start_watchdog() {
    local broker="$1" owner="$2"
    nohup bash -c "while kill -0 $owner 2>/dev/null && kill -0 $broker 2>/dev/null; do sleep 2; done; \
        if kill -0 $broker 2>/dev/null; then kill $broker; fi" > /dev/null 2>&1 < /dev/null &
}

mkdir -p .ci/work/kafka
case "${1:-}" in
    start) start_broker ;;
    stop) stop_broker ;;
    *) echo "usage: $0 start|stop [port]" >&2; exit 2 ;;
esac
