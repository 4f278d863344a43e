"""usage: variants.py FAULTS_BASE WORK_DIR OUT_DIR [NAME...]

Writes small mistakes outside the fault corpus into copies of the base app
(WORK_DIR/<name>), runs `npm run typecheck` and `npm run build` in each and
records the output in OUT_DIR/<name>/{typecheck,build}.txt. node_modules is
hard-linked from WORK_DIR/.base (an installed copy of the base app).
Outputs of commands that passed were deleted by hand afterwards.
"""
import os, shutil, subprocess, sys
BASE=sys.argv[1]
OUT=sys.argv[3]
W=sys.argv[2]
def rd(p): return open(os.path.join(BASE,p)).read()
V={}
# a: metadata exported from a 'use client' page
V['metadata-in-client']={'app/tasks/page.tsx': '"use client";\n\n'+rd('app/tasks/page.tsx')}
# b: createContext in a server module
V['create-context-server']={'components/ThemeProvider.tsx':'import { createContext, type ReactNode } from "react";\n\nexport const ThemeContext = createContext("light");\n\nexport default function ThemeProvider({ children }: { children: ReactNode }) {\n  return <ThemeContext.Provider value="light">{children}</ThemeContext.Provider>;\n}\n',
  'app/layout.tsx': rd('app/layout.tsx').replace('import "./globals.css";','import "./globals.css";\nimport ThemeProvider from "@/components/ThemeProvider";').replace('<main className="mx-auto max-w-3xl px-4 py-8">{children}</main>','<main className="mx-auto max-w-3xl px-4 py-8"><ThemeProvider>{children}</ThemeProvider></main>')}
# d: next/headers in a client component
V['headers-in-client']={'components/TaskForm.tsx': rd('components/TaskForm.tsx').replace('import { useState, type FormEvent } from "react";','import { useState, type FormEvent } from "react";\nimport { cookies } from "next/headers";').replace('  const [title, setTitle] = useState("");','  void cookies;\n  const [title, setTitle] = useState("");')}
# e: window in a server component during prerender
V['window-in-server']={'app/page.tsx': rd('app/page.tsx').replace('  const tasks = getTasks();','  const tasks = getTasks();\n  const width = window.innerWidth;').replace('<h1 className="text-2xl font-bold">Tasks</h1>','<h1 className="text-2xl font-bold">Tasks {width}</h1>')}
# f: possibly undefined with noUncheckedIndexedAccess
V['index-possibly-undefined']={'app/page.tsx': rd('app/page.tsx').replace('  const open = countOpenTasks(tasks);','  const open = countOpenTasks(tasks);\n  const newest = tasks[0];').replace('<p className="text-sm text-slate-500">{open} open</p>','<p className="text-sm text-slate-500">{open} open, newest: {newest.title}</p>')}
# g: file cut off inside a string
V['truncated-in-string']={'lib/store.ts': rd('lib/store.ts')[:rd('lib/store.ts').index('    description: "Email the first ten')+len('    description: "Email the first')]}
# h: missing comma in object literal
V['missing-comma']={'lib/store.ts': rd('lib/store.ts').replace('    title: "Set up analytics",','    title: "Set up analytics"')}
# i: sync headers()
V['sync-headers']={'app/page.tsx': 'import { headers } from "next/headers";\n'+rd('app/page.tsx').replace('  const tasks = getTasks();','  const agent = headers().get("user-agent") ?? "unknown";\n  const tasks = getTasks();').replace('{open} open</p>','{open} open ({agent})</p>')}
# k: next/router in a server component
V['next-router-in-server']={'app/page.tsx': 'import { useRouter } from "next/router";\n'+rd('app/page.tsx').replace('  const tasks = getTasks();','  const router = useRouter();\n  void router;\n  const tasks = getTasks();')}
# l: named import that does not exist
V['wrong-named-import']={'app/page.tsx': rd('app/page.tsx').replace('import { countOpenTasks, formatDate, getTasks, priorityLabels } from "@/lib/store";','import { countOpenTasks, formatDay, getTasks, priorityLabels } from "@/lib/store";').replace('{formatDate(task.createdAt)}','{formatDay(task.createdAt)}')}
# m: default import of a module without a default export
V['default-vs-named']={'app/page.tsx': rd('app/page.tsx').replace('import { countOpenTasks, formatDate, getTasks, priorityLabels } from "@/lib/store";','import store from "@/lib/store";\nimport { countOpenTasks, formatDate, getTasks, priorityLabels } from "@/lib/store";').replace('  const tasks = getTasks();','  void store;\n  const tasks = getTasks();')}
# q: use server file exporting an object
V['use-server-const-export']={'app/actions.ts':'"use server";\n\nexport const LIMITS = { title: 120 };\n\nexport async function saveTitle(title: string): Promise<string> {\n  return title.slice(0, LIMITS.title);\n}\n',
  'app/tasks/page.tsx': rd('app/tasks/page.tsx').replace('import TaskForm from "@/components/TaskForm";','import TaskForm from "@/components/TaskForm";\nimport { saveTitle } from "@/app/actions";').replace('<TaskForm defaultPriority="medium" />','<TaskForm defaultPriority="medium" />\n      <form action={async () => { "use server"; await saveTitle("x"); }}><button type="submit">Save</button></form>')}
# v: missing package types-only dependency at runtime: clsx
V['missing-dep-clsx']={'components/TaskForm.tsx': rd('components/TaskForm.tsx').replace('import { useState, type FormEvent } from "react";','import { useState, type FormEvent } from "react";\nimport clsx from "clsx";').replace('className="space-y-6"','className={clsx("space-y-6")}')}
names=sys.argv[4:] or sorted(V)
env=dict(os.environ, CI='1', NEXT_TELEMETRY_DISABLED='1')
for n in names:
    d=os.path.join(W,n)
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(BASE,d)
    subprocess.run(['cp','-al',os.path.join(W,'.base','node_modules'),d+'/node_modules'],check=True)
    for f,c in V[n].items():
        os.makedirs(os.path.dirname(os.path.join(d,f)) or d, exist_ok=True)
        open(os.path.join(d,f),'w').write(c)
    o=os.path.join(OUT,n); os.makedirs(o,exist_ok=True)
    for s in ['typecheck','build']:
        r=subprocess.run(['npm','run',s],cwd=d,env=env,stdout=subprocess.PIPE,stderr=subprocess.STDOUT)
        open(os.path.join(o,s+'.txt'),'wb').write(r.stdout)
        print(n,s,r.returncode,flush=True)
