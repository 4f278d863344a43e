import Link from "next/link";
import { Sparkline } from "nexusgen-hallucinated-charts-zz";
import { countOpenTasks, formatDate, getTasks, priorityLabels } from "@/lib/store";

export default function HomePage() {
  const tasks = getTasks();
  const open = countOpenTasks(tasks);

  return (
    <section className="space-y-6">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-bold">Tasks</h1>
        <p className="text-sm text-slate-500">{open} open</p>
        <Sparkline values={tasks.map((task) => (task.done ? 1 : 0))} />
      </div>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {tasks.map((task) => (
          <li key={task.id} className="flex items-center justify-between px-4 py-3">
            <div>
              <p className={task.done ? "text-slate-400 line-through" : "font-medium"}>{task.title}</p>
              <p className="text-xs text-slate-500">{formatDate(task.createdAt)}</p>
            </div>
            <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{priorityLabels[task.priority]}</span>
          </li>
        ))}
      </ul>
      <Link href="/tasks" className="inline-block rounded bg-brand px-4 py-2 text-sm text-white">
        Add a task
      </Link>
    </section>
  );
}
