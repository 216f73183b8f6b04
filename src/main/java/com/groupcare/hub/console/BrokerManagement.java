package com.groupcare.hub.console;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * Request/reply on Artemis' management address: the same calls work on the embedded broker and on a
 * standalone one (whose user needs the {@code manage} permission there), with no JMX port to open.
 * A conversation runs on a worker thread so that a broker that accepts the connection but never
 * answers (the client's own call timeout is 30 s) cannot hold a web page longer than the timeout.
 */
class BrokerManagement implements AutoCloseable {

    /** Console requests that may wait on a silent broker at once; more are refused at once. */
    private static final int MAX_WAITING = 8;

    private final ConnectionFactory connectionFactory;
    private final String managementAddress;
    private final Duration timeout;
    private final ThreadPoolExecutor workers;

    BrokerManagement(ConnectionFactory connectionFactory, String managementAddress, Duration timeout) {
        this.connectionFactory = connectionFactory;
        this.managementAddress = managementAddress;
        this.timeout = timeout;
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(0, MAX_WAITING, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "broker-console-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    interface Conversation<T> {
        T run(Calls calls) throws Exception;
    }

    /** Runs the calls of one conversation on one session, all within the timeout. */
    <T> T converse(Conversation<T> work) {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        Future<T> answer;
        try {
            answer = workers.submit(() -> open(work, deadline));
        } catch (RejectedExecutionException e) {
            throw new BrokerUnavailableException("Artemis is not answering: " + MAX_WAITING
                    + " console requests are already waiting on it", e);
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // not interrupted: the worker shares the application's cached JMS session; it ends on its own
            answer.cancel(false);
            throw silent(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while waiting for Artemis", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new BrokerUnavailableException("Cannot ask Artemis (management address " + managementAddress + "): "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private <T> T open(Conversation<T> work, long deadline) throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                // one reply queue per conversation, deleted after: the application's connection is long-lived
                TemporaryQueue replies = session.createTemporaryQueue();
                try (MessageProducer producer = session.createProducer(session.createQueue(managementAddress));
                     MessageConsumer consumer = session.createConsumer(replies)) {
                    // a persistent send would block on the broker's confirmation, beyond any deadline
                    producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
                    return work.run(new Calls(session, producer, consumer, replies, deadline));
                } finally {
                    replies.delete();
                }
            }
        }
    }

    private BrokerUnavailableException silent(Exception cause) {
        return new BrokerUnavailableException("Artemis did not answer within " + timeout.toMillis() + " ms (management address "
                + managementAddress + "): is the broker running?", cause);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** The calls of one conversation: sequential, so each reply answers the request just sent. */
    final class Calls {

        private final Session session;
        private final MessageProducer producer;
        private final MessageConsumer consumer;
        private final TemporaryQueue replies;
        private final long deadline;

        private Calls(Session session, MessageProducer producer, MessageConsumer consumer, TemporaryQueue replies, long deadline) {
            this.session = session;
            this.producer = producer;
            this.consumer = consumer;
            this.replies = replies;
            this.deadline = deadline;
        }

        Object attribute(String resource, String attribute) throws Exception {
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, resource, attribute);
            return ask(request, resource + " " + attribute);
        }

        Object invoke(String resource, String operation, Object... parameters) throws Exception {
            Message request = session.createMessage();
            JMSManagementHelper.putOperationInvocation(request, resource, operation, parameters);
            return ask(request, resource + " " + operation);
        }

        private Object ask(Message request, String what) throws Exception {
            request.setJMSReplyTo(replies);
            producer.send(request);
            long wait = deadline - System.currentTimeMillis();
            Message reply = wait > 0 ? consumer.receive(wait) : null;
            if (reply == null) {
                throw silent(new JMSException("no reply to " + what));
            }
            Object result = JMSManagementHelper.getResult(reply);
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new ManagementRefused("Artemis refused " + what + ": " + result);
            }
            return result;
        }
    }

    /** The broker answered with an error (unknown resource, wrong parameters, no permission). */
    static class ManagementRefused extends IllegalStateException {
        ManagementRefused(String message) {
            super(message);
        }
    }
}
