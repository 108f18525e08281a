package org.tredegar.launcher.node;

import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.tredegar.launcher.process.Args;
import org.tredegar.launcher.process.ParentWatch;
import org.tredegar.launcher.process.ReadyFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), from the Kafka jars on
 * Maven Central, run as its own JVM with Kafka's own dependency versions. Formats its storage on first start.
 *
 * <pre>--data DIR --port 9092 --controller-port 9093 --topics a,b --partitions N --ready FILE [--parent-pid PID]</pre>
 */
public final class KafkaNode {
    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        ParentWatch.start(args.parentPid());
        Path data = Path.of(args.required("data")).toAbsolutePath();
        int port = args.intValue("port", 9092);
        int controllerPort = args.intValue("controller-port", 9093);
        Files.createDirectories(data);

        Path config = data.resolve("server.properties");
        Files.writeString(config, serverProperties(data.resolve("log"), port, controllerPort));
        if (!Files.exists(data.resolve("log").resolve("meta.properties"))) {
            int rc = StorageTool.execute(new String[] {"format", "--config", config.toString(), "--cluster-id",
                org.apache.kafka.common.Uuid.randomUuid().toString(), "--standalone", "--ignore-formatted"}, System.out);
            if (rc != 0) {
                throw new IllegalStateException("formatting Kafka storage failed with " + rc);
            }
        }

        Thread broker = new Thread(() -> kafka.Kafka.main(new String[] {config.toString()}), "kafka-main");
        broker.start();

        String bootstrap = "127.0.0.1:" + port;
        createTopics(bootstrap, args.list("topics"), args.intValue("partitions", 6));
        System.out.println("Kafka ready on " + bootstrap + " topics " + args.list("topics"));
        args.optional("ready").ifPresent(f -> ReadyFile.write(Path.of(f), bootstrap));
        broker.join();
    }

    static String serverProperties(Path logDir, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "log.retention.hours=168",
                "");
    }

    private static void createTopics(String bootstrap, List<String> topics, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 120_000))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
    }

}
