/**
 * Min-cost flow by successive shortest paths with potentials (Johnson): each augmentation runs Dijkstra on
 * reduced costs, which stay non-negative. Dijkstra stops when it reaches the sink; nodes it did not finish get
 * the sink's distance, which keeps every reduced cost non-negative (the update AtCoder Library uses). Integer
 * costs only, so results are exact and deterministic (heap ties break by node number).
 *
 * After `run`, `potential` is a dual certificate: every residual arc has cost + h[from] − h[to] ≥ 0, so an arc
 * left out of the graph can be checked for whether it would have improved the flow.
 */
export class MinCostFlow {
  readonly n: number;
  readonly potential: Float64Array;
  #head: Int32Array;
  #to: number[] = [];
  #cap: number[] = [];
  #cost: number[] = [];
  #next: number[] = [];

  #dist: Float64Array;
  #prev: Int32Array;
  #done: Uint8Array;
  #heap = new Heap();

  constructor(n: number) {
    this.n = n;
    this.#dist = new Float64Array(n);
    this.#prev = new Int32Array(n);
    this.#done = new Uint8Array(n);
    this.#head = new Int32Array(n).fill(-1);
    this.potential = new Float64Array(n);
  }

  /** Adds an arc and its reverse; returns the arc's id (its reverse is id ^ 1). */
  addEdge(from: number, to: number, cap: number, cost: number): number {
    const id = this.#to.length;
    this.#push(from, to, cap, cost);
    this.#push(to, from, 0, -cost);
    return id;
  }

  #push(from: number, to: number, cap: number, cost: number) {
    this.#to.push(to);
    this.#cap.push(cap);
    this.#cost.push(cost);
    this.#next.push(this.#head[from]!);
    this.#head[from] = this.#to.length - 1;
  }

  /** Flow on an arc. */
  flow(id: number): number {
    return this.#cap[id ^ 1]!;
  }

  /**
   * Sends up to `limit` units from s to t, cheapest first, while the next unit's cost is ≤ `stopAbove`.
   * `initial` must be potentials with non-negative reduced costs on every arc with capacity.
   */
  run(s: number, t: number, limit: number, initial: ArrayLike<number>, stopAbove = Infinity): { flow: number; cost: number } {
    for (let v = 0; v < this.n; v++) this.potential[v] = initial[v]!;
    let flow = 0;
    let cost = 0;
    while (flow < limit) {
      const unit = this.augment(s, t, limit - flow, stopAbove);
      if (unit === undefined) break;
      flow += unit.flow;
      cost += unit.flow * unit.cost;
    }
    return { flow, cost };
  }

  /**
   * One shortest path from s to t on the current potentials (set them first with `setPotentials` or `run`),
   * augmented by up to `limit` units unless its unit cost is above `stopAbove`. Sources may differ from call
   * to call: each call adds supply at its own source (the Hungarian algorithm's row by row order).
   */
  setPotentials(initial: ArrayLike<number>): void {
    for (let v = 0; v < this.n; v++) this.potential[v] = initial[v]!;
  }

  augment(s: number, t: number, limit: number, stopAbove = Infinity): { flow: number; cost: number } | undefined {
    const n = this.n;
    const h = this.potential;
    const dist = this.#dist;
    const prevEdge = this.#prev;
    const done = this.#done;
    const heap = this.#heap;
    const to = this.#to, cap = this.#cap, cst = this.#cost, next = this.#next, head = this.#head;
    {
      dist.fill(Infinity);
      done.fill(0);
      prevEdge.fill(-1);
      dist[s] = 0;
      heap.clear();
      heap.push(0, s);
      while (heap.size > 0) {
        const d = heap.topKey();
        const v = heap.pop();
        if (done[v] || d > dist[v]!) continue;
        done[v] = 1;
        if (v === t) break;
        for (let e = head[v]!; e !== -1; e = next[e]!) {
          if (cap[e]! <= 0) continue;
          const w = to[e]!;
          const nd = d + cst[e]! + h[v]! - h[w]!;
          if (nd < dist[w]!) {
            dist[w] = nd;
            prevEdge[w] = e;
            heap.push(nd, w);
          }
        }
      }
      if (!done[t]) return undefined;
      const dt = dist[t]!;
      const unitCost = dt + h[t]! - h[s]!;
      if (unitCost > stopAbove) return undefined;
      for (let v = 0; v < n; v++) h[v] = h[v]! + (done[v] ? Math.min(dist[v]!, dt) : dt);
      let bottleneck = limit;
      for (let v = t; v !== s; v = to[prevEdge[v]! ^ 1]!) bottleneck = Math.min(bottleneck, cap[prevEdge[v]!]!);
      for (let v = t; v !== s; v = to[prevEdge[v]! ^ 1]!) {
        const e = prevEdge[v]!;
        cap[e] = cap[e]! - bottleneck;
        cap[e ^ 1] = cap[e ^ 1]! + bottleneck;
      }
      return { flow: bottleneck, cost: unitCost };
    }
  }
}

/** A binary min-heap of (key, node), ties by node number. */
class Heap {
  #keys: number[] = [];
  #nodes: number[] = [];
  get size() {
    return this.#keys.length;
  }
  clear() {
    this.#keys.length = 0;
    this.#nodes.length = 0;
  }
  topKey() {
    return this.#keys[0]!;
  }
  #less(i: number, j: number) {
    const a = this.#keys[i]!, b = this.#keys[j]!;
    return a < b || (a === b && this.#nodes[i]! < this.#nodes[j]!);
  }
  #swap(i: number, j: number) {
    const k = this.#keys, n = this.#nodes;
    [k[i], k[j]] = [k[j]!, k[i]!];
    [n[i], n[j]] = [n[j]!, n[i]!];
  }
  push(key: number, node: number) {
    this.#keys.push(key);
    this.#nodes.push(node);
    let i = this.#keys.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.#less(i, p)) break;
      this.#swap(i, p);
      i = p;
    }
  }
  pop(): number {
    const top = this.#nodes[0]!;
    const lastKey = this.#keys.pop()!;
    const lastNode = this.#nodes.pop()!;
    if (this.#keys.length > 0) {
      this.#keys[0] = lastKey;
      this.#nodes[0] = lastNode;
      let i = 0;
      const size = this.#keys.length;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < size && this.#less(l, m)) m = l;
        if (r < size && this.#less(r, m)) m = r;
        if (m === i) break;
        this.#swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
