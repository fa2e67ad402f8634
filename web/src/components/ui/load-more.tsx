import { Button, Center } from "@mantine/core";

interface LoadMoreProps {
  hasMore: boolean;
  isLoading: boolean;
  onLoadMore: () => void;
  /** What is listed, for the button's words: "people", "events". */
  noun: string;
}

/** The "load more" button under a cursor-paginated list. */
export function LoadMore({ hasMore, isLoading, onLoadMore, noun }: LoadMoreProps) {
  if (!hasMore) return null;
  return (
    <Center py="md">
      <Button variant="default" onClick={onLoadMore} loading={isLoading}>
        Load more {noun}
      </Button>
    </Center>
  );
}
