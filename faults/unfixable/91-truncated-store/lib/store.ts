export type Priority = "low" | "medium" | "high";

export interface Task {
  id: string;
  title: string;
  description: string;
  priority: Priority;
  done: boolean;
  createdAt: string;
}

export interface NewTaskInput {
  title: string;
  description: string;
  priority: Priority;
}

const seed: Task[] = [
  {
    id: "t1",
    title: "Write the landing page copy",
    description: "Hero, features and pricing sections.",
    priority: "high",
    done: false,
    createdAt: "2024-05-01T09:00:00.000Z",
  },
  {
    id: "t2",
    title: "Set up analytics",
    description: "Add page-view tracking to the layout.",
    priority: "medium",
    done: true,
    createdAt: "2024-05-02T14:30:00.000Z",
  },
  {
    id: "t3",
    title: "Collect beta feedback",
    description: "Email the first