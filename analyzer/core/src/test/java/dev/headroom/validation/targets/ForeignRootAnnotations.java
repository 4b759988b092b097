package dev.headroom.validation.targets;

import com.acme.HotPath;
import com.oracle.svm.core.heap.RestrictHeapAccess;
import javax.safetycritical.annotate.SCJRestricted;

/**
 * Roots declared with annotations of other vocabularies, which the bundled rule pack roots.json maps:
 * Safety-Critical Java's {@code @SCJRestricted(mayAllocate = false)} and GraalVM's
 * {@code @RestrictHeapAccess(access = NO_ALLOCATION)}. The other methods are not roots, so their
 * allocations are not findings. {@code @HotPath} is a root only with {@code --root-annotation
 * com.acme.HotPath} (RootAnnotationsTest), which this test does not pass.
 */
public class ForeignRootAnnotations {
    private Object last;

    @SCJRestricted(mayAllocate = false)
    public void scjNoAllocation() {
        last = new Object(); // expect: heap-allocation
    }

    @SCJRestricted(mayAllocate = true)
    public void scjMayAllocate() {
        last = new Object();
    }

    @SCJRestricted(maySelfSuspend = true)
    public void scjDefaultMayAllocate() {
        last = new Object();
    }

    @RestrictHeapAccess(access = RestrictHeapAccess.Access.NO_ALLOCATION, reason = "called from the GC")
    public void graalNoAllocation() {
        last = new int[4]; // expect: heap-allocation
    }

    @RestrictHeapAccess(access = RestrictHeapAccess.Access.UNRESTRICTED)
    public void graalUnrestricted() {
        last = new int[4];
    }

    @HotPath
    public void hotPath() {
        last = new Object();
    }
}
