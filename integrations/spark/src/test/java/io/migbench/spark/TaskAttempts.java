package io.migbench.spark;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.TaskInfo;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The driver's record of task attempts: where each ran and how it ended, as Spark's scheduler saw it. */
final class TaskAttempts extends SparkListener {
    record Attempt(int partition, int attempt, String executorId, String ending) {
        String workerId() {
            return "spark-" + partition + "-" + attempt;
        }
    }

    private final List<Attempt> started = new CopyOnWriteArrayList<>();
    private final List<Attempt> ended = new CopyOnWriteArrayList<>();

    @Override
    public void onTaskStart(SparkListenerTaskStart event) {
        started.add(attempt(event.taskInfo(), "running"));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
        ended.add(attempt(event.taskInfo(), event.taskInfo().successful() ? "success" : event.reason().toString()));
    }

    private static Attempt attempt(TaskInfo info, String ending) {
        return new Attempt(info.index(), info.attemptNumber(), info.executorId(), ending);
    }

    /** The executor running the copy worker with this id, if its task has started. */
    Optional<String> executorOf(String workerId) {
        return started.stream().filter(a -> a.workerId().equals(workerId)).map(Attempt::executorId).findFirst();
    }

    List<Attempt> ended() {
        return List.copyOf(ended);
    }
}
