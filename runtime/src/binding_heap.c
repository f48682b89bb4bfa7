/* binding_heap.c — internalBinding('heap'): v8.getHeapStatistics,
 * v8.getHeapSpaceStatistics, v8.writeHeapSnapshot, v8.setFlagsFromString,
 * v8.getHeapCodeStatistics and v8.cachedDataVersionTag (the last two through
 * engine_vm.h). */
#include <stdlib.h>

#include "engine_vm.h"
#include "runtime.h"

static void heap_statistics(rt_args *a) {
  rt_heap_stats st;
  rt_heap_statistics(&st);
  rt_val o = rt_object();
#define F(n) rt_set(o, #n, rt_number((double)st.n));
  F(total_heap_size)
  F(total_heap_size_executable) F(total_physical_size) F(total_available_size) F(used_heap_size)
      F(heap_size_limit) F(malloced_memory) F(peak_malloced_memory) F(number_of_native_contexts)
          F(number_of_detached_contexts)
#undef F
              rt_set(o, "does_zap_garbage", rt_int(0));
  rt_set(o, "total_global_handles_size", rt_int(0));
  rt_set(o, "used_global_handles_size", rt_int(0));
  rt_set(o, "external_memory", rt_number((double)st.external_memory));
  rt_return(a, o);
}

static void space_statistics(rt_args *a) {
  rt_space_stats sp[16];
  int n = rt_heap_space_statistics(sp, 16);
  rt_val r = rt_array(0);
  for (int i = 0; i < n; i++) {
    rt_val o = rt_object();
    rt_set(o, "space_name", rt_string(sp[i].name));
    rt_set(o, "space_size", rt_number((double)sp[i].size));
    rt_set(o, "space_used_size", rt_number((double)sp[i].used));
    rt_set(o, "space_available_size", rt_number((double)sp[i].available));
    rt_set(o, "physical_space_size", rt_number((double)sp[i].physical));
    rt_set_i(r, (uint32_t)i, o);
  }
  rt_return(a, r);
}

static void write_snapshot(rt_args *a) {
  char *p = RT_ARG_STR(a, 0);
  int r = rt_heap_snapshot_write(p);
  if (r < 0)
    rt_throw_errno(r, "open", p, NULL);
  else
    rt_return(a, rt_arg(a, 0));
  free(p);
}

static void gc(rt_args *a) {
  rt_gc_request_full();
}

static void set_flags(rt_args *a) {
  char *f = RT_ARG_STR(a, 0);
  if (!f) return;
  rt_engine_set_flags_string(f);
  free(f);
}

static void code_statistics(rt_args *a) {
  double st[4];
  rt_vm_heap_code_statistics(st);
  rt_val o = rt_object();
  rt_set(o, "code_and_metadata_size", rt_number(st[0]));
  rt_set(o, "bytecode_and_metadata_size", rt_number(st[1]));
  rt_set(o, "external_script_source_size", rt_number(st[2]));
  rt_set(o, "cpu_profiler_metadata_size", rt_number(st[3]));
  rt_return(a, o);
}

static void version_tag(rt_args *a) {
  rt_return_number(a, (double)rt_vm_cached_data_version_tag());
}

void rt_binding_init_heap(rt_val e) {
  rt_set_method(e, "setFlagsFromString", set_flags);
  rt_set_method(e, "getHeapCodeStatistics", code_statistics);
  rt_set_method(e, "cachedDataVersionTag", version_tag);
  rt_set_method(e, "getHeapStatistics", heap_statistics);
  rt_set_method(e, "getHeapSpaceStatistics", space_statistics);
  rt_set_method(e, "writeHeapSnapshot", write_snapshot);
  rt_set_method(e, "gc", gc);
}
