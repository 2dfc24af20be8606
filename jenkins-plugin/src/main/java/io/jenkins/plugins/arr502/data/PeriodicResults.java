package io.jenkins.plugins.arr502.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The periodic checks' memory, saved after every cycle so it survives a restart: each agent's latest
 * result (per log folder) and a short history, newest first. Knowing the previous state is what lets a
 * job start on a state change instead of on every cycle that is not OK.
 */
public final class PeriodicResults {
    /** History entries kept (all agents together). */
    public static final int KEEP = 100;

    private List<PeriodicResult> latest = new ArrayList<>();
    private List<PeriodicResult> history = new ArrayList<>();
    private long nextId = 1;

    Object readResolve() {
        latest = latest == null ? new ArrayList<>() : new ArrayList<>(latest);
        history = history == null ? new ArrayList<>() : new ArrayList<>(history);
        latest.removeIf(r -> r == null);
        history.removeIf(r -> r == null);
        nextId = Math.max(1, nextId);
        for (PeriodicResult r : history) {
            nextId = Math.max(nextId, r.getId() + 1);
        }
        return this;
    }

    /**
     * Records a result and says whether it changed its series' state: the first result of an agent counts
     * as a change only when it is not OK (a new agent that is fine needs nobody).
     *
     * @return the recorded result (with its id) when the state changed, empty otherwise
     */
    public synchronized Optional<PeriodicResult> record(PeriodicResult r) {
        PeriodicResult stored = r.withId(nextId++);
        Optional<PeriodicResult> previous = latest.stream().filter(p -> p.getKey().equals(r.getKey())).findFirst();
        latest.removeIf(p -> p.getKey().equals(r.getKey()));
        latest.add(stored);
        latest.sort((a, b) -> a.getKey().compareTo(b.getKey()));
        history.add(0, stored);
        while (history.size() > KEEP) {
            history.remove(history.size() - 1);
        }
        boolean changed = previous.map(p -> !p.getState().equals(stored.getState())).orElse(!"OK".equals(stored.getState()));
        return changed ? Optional.of(stored) : Optional.empty();
    }

    /** Each agent's latest result, by agent and log folder. */
    public synchronized List<PeriodicResult> getLatest() {
        return List.copyOf(latest);
    }

    /** Recent results, newest first. */
    public synchronized List<PeriodicResult> getHistory() {
        return List.copyOf(history);
    }

    public synchronized Optional<PeriodicResult> find(long id) {
        return history.stream().filter(r -> r.getId() == id).findFirst()
                .or(() -> latest.stream().filter(r -> r.getId() == id).findFirst());
    }
}
