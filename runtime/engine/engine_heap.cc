// engine_heap.cc — heap statistics, GC hooks and heap snapshots for the
// runtime (process.memoryUsage, v8.getHeapStatistics, --gc-trace,
// v8.writeHeapSnapshot).  Part of the engine layer; see engine.h.
#include <cerrno>
#include <cstdio>
#include <vector>

#include <v8-profiler.h>

#include "engine_internal.hh"

using namespace v8;
using rt::iso;

void rt_heap_statistics(rt_heap_stats *st) {
  HeapStatistics h;
  iso->GetHeapStatistics(&h);
  st->total_heap_size = h.total_heap_size();
  st->total_heap_size_executable = h.total_heap_size_executable();
  st->total_physical_size = h.total_physical_size();
  st->total_available_size = h.total_available_size();
  st->used_heap_size = h.used_heap_size();
  st->heap_size_limit = h.heap_size_limit();
  st->malloced_memory = h.malloced_memory();
  st->peak_malloced_memory = h.peak_malloced_memory();
  st->external_memory = h.external_memory();
  st->number_of_native_contexts = h.number_of_native_contexts();
  st->number_of_detached_contexts = h.number_of_detached_contexts();
}

int rt_heap_space_statistics(rt_space_stats *out, int max) {
  int n = (int)iso->NumberOfHeapSpaces();
  int k = 0;
  for (int i = 0; i < n && k < max; i++) {
    HeapSpaceStatistics s;
    if (!iso->GetHeapSpaceStatistics(&s, (size_t)i)) continue;
    out[k].name = s.space_name();
    out[k].size = s.space_size();
    out[k].used = s.space_used_size();
    out[k].available = s.space_available_size();
    out[k].physical = s.physical_space_size();
    k++;
  }
  return k;
}

struct gc_hook {
  rt_gc_fn pro, epi;
  void *data;
};

void rt_gc_add_hooks(rt_gc_fn prologue, rt_gc_fn epilogue, void *data) {
  gc_hook *h = new gc_hook{prologue, epilogue, data};
  if (prologue)
    iso->AddGCPrologueCallback(
        [](Isolate *, GCType t, GCCallbackFlags f, void *d) {
          gc_hook *g = static_cast<gc_hook *>(d);
          g->pro((int)t, (int)f, g->data);
        },
        h);
  if (epilogue)
    iso->AddGCEpilogueCallback(
        [](Isolate *, GCType t, GCCallbackFlags f, void *d) {
          gc_hook *g = static_cast<gc_hook *>(d);
          g->epi((int)t, (int)f, g->data);
        },
        h);
}

void rt_gc_request_full(void) {
  iso->RequestGarbageCollectionForTesting(Isolate::kFullGarbageCollection);
}

void rt_adjust_external_memory(int64_t delta) { iso->AdjustAmountOfExternalAllocatedMemory(delta); }

namespace {
class FileStream : public OutputStream {
 public:
  explicit FileStream(FILE *f) : f_(f) {}
  void EndOfStream() override {}
  int GetChunkSize() override { return 1 << 16; }
  WriteResult WriteAsciiChunk(char *data, int size) override {
    if (fwrite(data, 1, (size_t)size, f_) != (size_t)size) {
      failed = true;
      return kAbort;
    }
    return kContinue;
  }
  bool failed = false;

 private:
  FILE *f_;
};
}  // namespace

int rt_heap_snapshot_write(const char *path) {
  FILE *f = fopen(path, "w");
  if (!f) return -errno;
  HeapProfiler *hp = iso->GetHeapProfiler();
  const HeapSnapshot *snap = hp->TakeHeapSnapshot();
  FileStream fs(f);
  snap->Serialize(&fs, HeapSnapshot::kJSON);
  const_cast<HeapSnapshot *>(snap)->Delete();
  int err = fs.failed ? -EIO : 0;
  if (fclose(f) != 0 && !err) err = -errno;
  return err;
}

struct nhl {
  size_t (*fn)(void *, size_t, size_t);
  void *data;
};

void rt_on_near_heap_limit(size_t (*fn)(void *, size_t, size_t), void *data) {
  nhl *h = new nhl{fn, data};
  iso->AddNearHeapLimitCallback(
      [](void *d, size_t cur, size_t init) -> size_t {
        nhl *x = static_cast<nhl *>(d);
        size_t r = x->fn(x->data, cur, init);
        return r ? r : cur;
      },
      h);
}
