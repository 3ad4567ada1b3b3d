import { Center, Loader } from '@mantine/core';

export function LoadingScreen() {
  return (
    <Center style={{ flex: 1 }}>
      <Loader aria-label="Loading" />
    </Center>
  );
}
