export function App() {
  return (
    <main>
      <h1>Moatscore</h1>
      <p>Score an AI large-model startup on six market factors and six differentiation levers.</p>
    </main>
  );
}
