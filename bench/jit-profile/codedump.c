/*
 * JVMTI agent for bench/jit-profile.sh: saves the machine code of every method the JIT installs, and of
 * every stub, as it appears (code.bin, indexed by code.idx: address, size, offset, name), so perf samples
 * can be matched to instructions without hsdis. Linux, for measuring only; not part of the product.
 */
#include <jvmti.h>
#include <stdio.h>
#include <string.h>

static FILE *bin, *idx;
static long offset;

static void save(const char *name, const void *addr, jint size) {
    fprintf(idx, "%lx %d %ld %s\n", (unsigned long) addr, size, offset, name);
    fwrite(addr, 1, size, bin);
    offset += size;
    fflush(idx);
    fflush(bin);
}

static void JNICALL compiled(jvmtiEnv *j, jmethodID m, jint size, const void *addr, jint map_length,
                             const jvmtiAddrLocationMap *map, const void *info) {
    char *name = NULL, *sig = NULL, *cls = NULL, line[1024];
    jclass c;
    (*j)->GetMethodName(j, m, &name, &sig, NULL);
    (*j)->GetMethodDeclaringClass(j, m, &c);
    (*j)->GetClassSignature(j, c, &cls, NULL);
    snprintf(line, sizeof line, "%s.%s%s", cls, name, sig);
    save(line, addr, size);
    (*j)->Deallocate(j, (unsigned char *) name);
    (*j)->Deallocate(j, (unsigned char *) sig);
    (*j)->Deallocate(j, (unsigned char *) cls);
}

static void JNICALL generated(jvmtiEnv *j, const char *name, const void *addr, jint size) {
    char line[512];
    snprintf(line, sizeof line, "stub:%s", name);
    save(line, addr, size);
}

JNIEXPORT jint JNICALL Agent_OnLoad(JavaVM *vm, char *options, void *reserved) {
    jvmtiEnv *j;
    if ((*vm)->GetEnv(vm, (void **) &j, JVMTI_VERSION_1_2) != JNI_OK) {
        return JNI_ERR;
    }
    jvmtiCapabilities caps;
    memset(&caps, 0, sizeof caps);
    caps.can_generate_compiled_method_load_events = 1;
    (*j)->AddCapabilities(j, &caps);
    jvmtiEventCallbacks cb;
    memset(&cb, 0, sizeof cb);
    cb.CompiledMethodLoad = compiled;
    cb.DynamicCodeGenerated = generated;
    (*j)->SetEventCallbacks(j, &cb, sizeof cb);
    (*j)->SetEventNotificationMode(j, JVMTI_ENABLE, JVMTI_EVENT_COMPILED_METHOD_LOAD, NULL);
    (*j)->SetEventNotificationMode(j, JVMTI_ENABLE, JVMTI_EVENT_DYNAMIC_CODE_GENERATED, NULL);
    bin = fopen("code.bin", "wb");
    idx = fopen("code.idx", "w");
    return bin && idx ? JNI_OK : JNI_ERR;
}
