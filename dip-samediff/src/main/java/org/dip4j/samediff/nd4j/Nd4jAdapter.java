package org.dip4j.samediff.nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.dip4j.api.DipException;
import org.jspecify.annotations.Nullable;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.serde.FlatBuffersMapper;
import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.reduce.Moments;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything dip4j does to ND4J 1.0.0-M2.1 beyond its public API, in one place: the op-class
 * table written by reflection, a field of {@code Moments} its copies miss, SameDiff's private
 * {@code initializeTraining}, the system property that switches the training session's array
 * cache, and the line per differentiated op SameDiff prints to standard output.
 *
 * <p>JVM-wide changes happen once ({@link #apply}: the version check, the output filter); per-run
 * choices never leave a JVM-wide trace: the array-cache property is set only while SameDiff
 * creates a session and put back at once, under a lock, so runs in parallel threads each get
 * their own setting. Anything that needs another ND4J version fails at the first call with a
 * message that says so.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Nd4jAdapter {
    /** The ND4J version this class adapts. */
    public static final String VERSION = "1.0.0-M2.1";

    /**
     * The system property M2.1's session memory manager ({@code ArrayCacheMemoryMgr}) reads when a
     * session is created: "false" frees released arrays instead of caching them.
     */
    static final String ARRAY_CACHE_PROPERTY = "org.nd4j.autodiff.samediff";

    private static volatile boolean applied;
    /** Held from setting the array-cache property until SameDiff has created its session. */
    private static final ReentrantLock SESSION = new ReentrantLock();

    private Nd4jAdapter() {
    }

    /**
     * Checks the ND4J version and filters SameDiff's per-op lines from standard output; once per
     * JVM, thread-safe, cheap after the first call.
     *
     * @throws DipException when the class path holds another ND4J version
     */
    public static void apply() {
        if (applied) {
            return;
        }
        synchronized (Nd4jAdapter.class) {
            if (applied) {
                return;
            }
            checkVersion(nd4jVersion());
            filterStandardOutput();
            applied = true;
        }
    }

    /** The nd4j-api version on the class path, from its Maven metadata, or "unknown". */
    public static String nd4jVersion() {
        try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Fails unless {@code version} is the one this class adapts ("unknown", from a repackaged jar, passes). */
    static void checkVersion(String version) {
        if (!version.equals(VERSION) && !version.equals("unknown")) {
            throw new DipException("dip4j runs on ND4J " + VERSION + " but the class path holds nd4j-api " + version
                    + "; it reaches into that version's internals (see org.dip4j.samediff.nd4j.Nd4jAdapter): "
                    + "depend on nd4j-api " + VERSION + " (dip4j-bom sets it)");
        }
    }

    /**
     * Puts the filter in front of the current {@code System.out} unless it is there: once at
     * {@link #apply}, and again only if something replaced {@code System.out} since. Never removed.
     */
    private static synchronized void filterStandardOutput() {
        if (!(System.out instanceof OpLogFilter)) {
            System.setOut(new OpLogFilter(System.out));
        }
    }

    /**
     * Runs {@code action}, which builds a gradient function (directly or through
     * {@code calculateGradients}), with SameDiff's per-op lines kept out of standard output.
     */
    public static <T> T buildingGradients(Supplier<T> action) {
        apply();
        filterStandardOutput();
        return action.get();
    }

    /** Builds {@code sd}'s gradient function. */
    public static void createGradFunction(SameDiff sd) {
        buildingGradients(() -> {
            sd.createGradFunction();
            return null;
        });
    }

    /** Creates SameDiff's updaters now ({@code fit} would create them lazily), so that they can be filled or used. */
    public static void initializeTraining(SameDiff sd) {
        apply();
        try {
            Method init = SameDiff.class.getDeclaredMethod("initializeTraining");
            init.setAccessible(true);
            init.invoke(sd);
        } catch (ReflectiveOperationException e) {
            throw incompatible("initialise SameDiff's optimiser", e);
        }
    }

    /**
     * SameDiff's {@code fit} over one pass of {@code data}, with the training session's array cache
     * on or off ({@code dip.run.reuse-arrays}) for this call only.
     */
    public static void fit(SameDiff sd, MultiDataSetIterator data, boolean reuseArrays, Listener... listeners) {
        apply();
        Listener[] all = Arrays.copyOf(listeners, listeners.length + 1);
        // fit() creates its session, then tells the listeners the operation started: the property is read by then.
        all[listeners.length] = new BaseListener() {
            @Override
            public boolean isActive(Operation operation) {
                return true;
            }

            @Override
            public void operationStart(SameDiff s, Operation operation) {
                releaseSession();
            }
        };
        holdSession(reuseArrays);
        try {
            sd.fit(data, 1, all);
        } finally {
            releaseSession();
        }
    }

    /** SameDiff's {@code output}, with the array cache on or off for the session it creates. */
    public static Map<String, INDArray> output(SameDiff sd, boolean reuseArrays, Map<String, INDArray> placeholders,
            String... outputs) {
        apply();
        holdSession(reuseArrays);
        try {
            return sd.output(placeholders, outputs);
        } finally {
            releaseSession();
        }
    }

    private static @Nullable String previous;

    private static void holdSession(boolean reuseArrays) {
        SESSION.lock();
        previous = System.getProperty(ARRAY_CACHE_PROPERTY);
        System.setProperty(ARRAY_CACHE_PROPERTY, Boolean.toString(reuseArrays));
    }

    /** Puts the property back and lets the next run create its session; a no-op when not held. */
    private static void releaseSession() {
        if (!SESSION.isHeldByCurrentThread()) {
            return;
        }
        String before = previous;
        if (before == null) {
            System.clearProperty(ARRAY_CACHE_PROPERTY);
        } else {
            System.setProperty(ARRAY_CACHE_PROPERTY, before);
        }
        SESSION.unlock();
    }

    /**
     * Makes SameDiff copy ops named {@code opName} as instances of {@code type}: building a
     * gradient, M2.1 clones every op through its serialised form and looks the class up by the
     * op's name in a table that has no public registration.
     */
    @SuppressWarnings("unchecked")
    public static void registerOpClass(String opName, Class<?> type) {
        apply();
        long hash = FlatBuffersMapper.getOpNum(opName, Op.Type.CUSTOM);
        DifferentialFunctionClassHolder holder = DifferentialFunctionClassHolder.getInstance();
        try {
            synchronized (holder) {
                Map<Long, Map<String, Class<?>>> shared =
                        (Map<Long, Map<String, Class<?>>>) field(holder, "customOpHashToClasses");
                Map<String, Class<?>> byName = shared.get(hash);
                if (byName != null) {
                    byName.put(opName, type);
                } else {
                    ((Map<Long, Class<?>>) field(holder, "customOpHashToClass")).put(hash, type);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw incompatible("register " + type.getSimpleName() + " as the class of " + opName, e);
        }
    }

    /**
     * Registers an op with no native counterpart: ND4J gives unknown op names the hash 0, and
     * looks classes up by hash and then name.
     */
    @SuppressWarnings("unchecked")
    public static void registerOpWithoutNative(String opName, Class<?> type) {
        apply();
        DifferentialFunctionClassHolder holder = DifferentialFunctionClassHolder.getInstance();
        try {
            synchronized (holder) {
                Map<Long, Map<String, Class<?>>> shared =
                        (Map<Long, Map<String, Class<?>>>) field(holder, "customOpHashToClasses");
                shared.computeIfAbsent(0L, k -> new HashMap<>()).put(opName, type);
            }
        } catch (ReflectiveOperationException e) {
            throw incompatible("register " + type.getSimpleName() + " as the class of " + opName, e);
        }
    }

    /**
     * Sets {@code Moments}' private {@code keepDims} on a copy: SameDiff fills it from a field
     * table it keeps for ND4J's own classes only, so subclasses' copies would lose it.
     */
    public static void setKeepDims(Moments moments, boolean keepDims) {
        try {
            Field f = Moments.class.getDeclaredField("keepDims");
            f.setAccessible(true);
            f.setBoolean(moments, keepDims);
        } catch (ReflectiveOperationException e) {
            throw incompatible("copy a moments op", e);
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }

    private static DipException incompatible(String what, Exception cause) {
        return new DipException("cannot " + what + ": dip4j adapts the internals of ND4J " + VERSION
                + " and the class path holds " + nd4jVersion() + " (" + cause + ")", cause);
    }
}
