package org.dip4j.samediff.engine;

import java.util.Locale;
import java.util.Map;
import org.dip4j.api.InvalidInputException;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The compute device of a run, from {@code dip.run.device}: {@code auto} (the backend this build
 * carries: CPU by default, the GPU with {@code mvn -Pcuda}), {@code cpu}, {@code cuda} or
 * {@code cuda:N}. ND4J picks its backend from the classpath, so a setting that asks for a backend
 * the build lacks is an error that names the build to use instead.
 */
public final class Device {
    private static final String CUDA_BACKEND = "JCublasBackend";

    private Device() {}

    /** Checks {@code setting} against the build's backend and makes the chosen GPU current for this thread. */
    public static void select(String setting) {
        boolean gpuBuild = isGpuBuild();
        if (setting.equals("auto")) {
            return;
        }
        if (setting.equals("cpu")) {
            if (gpuBuild) {
                throw new InvalidInputException("dip.run.device = cpu, but this build carries ND4J's CUDA backend; "
                        + "build without -Pcuda for the CPU, or set dip.run.device = auto");
            }
            return;
        }
        if (!setting.matches("cuda(:\\d+)?")) {
            throw new InvalidInputException("dip.run.device = '" + setting + "' is not a device; use auto, cpu, cuda or cuda:N");
        }
        if (!gpuBuild) {
            throw new InvalidInputException("dip.run.device = " + setting + ", but this build has the CPU backend only; "
                    + "rebuild with `mvn -Pcuda -DskipTests install` on a machine with CUDA 11.6 and cuDNN 8.3 (see README, GPU)");
        }
        int index = setting.contains(":") ? Integer.parseInt(setting.substring(5)) : 0;
        int count = Nd4j.getAffinityManager().getNumberOfDevices();
        if (index >= count) {
            throw new InvalidInputException("dip.run.device = " + setting + ", but this machine has " + count
                    + " CUDA device(s), numbered from 0");
        }
        Nd4j.getAffinityManager().unsafeSetDevice(index);
    }

    /** True when ND4J runs on its CUDA backend. */
    public static boolean isGpuBuild() {
        return Nd4j.getBackend().getClass().getSimpleName().equals(CUDA_BACKEND);
    }

    /** A one-line description: "CPU, 2 threads" or "GPU 0 of 1 (CUDA backend)" with the device name when ND4J reports it. */
    public static String describe() {
        if (!isGpuBuild()) {
            return String.format(Locale.ROOT, "CPU, %d threads", Nd4j.getEnvironment().maxThreads());
        }
        int device = Nd4j.getAffinityManager().getDeviceForCurrentThread();
        String name = "";
        Object info = Nd4j.getExecutioner().getEnvironmentInformation().get("cuda.devicesInformation");
        if (info instanceof java.util.List<?> list && device < list.size() && list.get(device) instanceof Map<?, ?> m
                && m.get("cuda.deviceName") != null) {
            name = " " + m.get("cuda.deviceName");
        }
        return "GPU " + device + " of " + Nd4j.getAffinityManager().getNumberOfDevices() + name;
    }

    /**
     * The ND4J native build this process loaded, as the folder its library came from (the Maven
     * classifier, e.g. {@code linux-x86_64-onednn}) and the helpers it was built with, e.g.
     * {@code linux-x86_64-onednn (ONEDNN, OPENBLAS)}; "unknown" parts where it cannot tell.
     */
    public static String nativeVariant() {
        Nd4j.getBackend(); // loads the natives
        String folder = "unknown";
        for (String path : org.bytedeco.javacpp.Loader.getLoadedLibraries().values()) {
            if (path == null || !path.matches(".*[/\\\\]libnd4j[a-z]*\\.(so|dylib)$")) {
                continue;
            }
            java.nio.file.Path parent = java.nio.file.Path.of(path).getParent();
            if (parent != null) {
                folder = String.valueOf(parent.getFileName());
            }
        }
        String helpers = java.util.Arrays.stream(buildInfo().split("\\R"))
                .map(String::trim)
                .filter(l -> l.startsWith("HAVE_") && !l.equals("HAVE_FLATBUFFERS"))
                .map(l -> l.substring("HAVE_".length()))
                .collect(java.util.stream.Collectors.joining(", "));
        return helpers.isEmpty() ? folder : folder + " (" + helpers + ")";
    }

    /** libnd4j's build description; the class is a runtime dependency of both backends. */
    private static String buildInfo() {
        try {
            Object holder = Class.forName("org.nd4j.nativeblas.NativeOpsHolder").getMethod("getInstance").invoke(null);
            Object ops = holder.getClass().getMethod("getDeviceNativeOps").invoke(holder);
            return String.valueOf(ops.getClass().getMethod("buildInfo").invoke(ops));
        } catch (ReflectiveOperationException | LinkageError e) {
            return "";
        }
    }
}
